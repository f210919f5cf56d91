import { z } from 'astro/zod';
import { checkOrganisationCode } from './check-digits';

/** The content model's default 组配分类, in display order; a site may add, drop or reorder them. */
export const DEFAULT_CATEGORIES = [
  { name: '人大代表建议', slug: 'renda-jianyi' },
  { name: '政协提案', slug: 'zhengxie-tian' },
  // Inspection rules (国办秘函〔2019〕19号): news within 2 weeks, notices and policy within 6 months.
  { name: '工作动态', slug: 'gongzuo-dongtai', freshness: { days: 14 } },
  { name: '工作总结', slug: 'gongzuo-zongjie' },
  { name: '通知公告', slug: 'tongzhi-gonggao', freshness: { months: 6 } },
  { name: '政策文件', slug: 'zhengce-wenjian', freshness: { months: 6 } },
] as const;

const categorySchema = z.strictObject({
  /** 组配分类 as written in notices' `category`. */
  name: z.string().trim().min(1),
  /** ASCII path segment for the category's listing pages. */
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, '只能用小写字母、数字和连字符'),
  /** How recent the newest notice must be for the column to count as updated (npm run audit). */
  freshness: z.strictObject({ days: z.number().int().positive().optional(), months: z.number().int().positive().optional() }).optional(),
});

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应写成 YYYY-MM-DD');

const issuerSchema = z.strictObject({
  name: z.string().trim().min(1),
  /** 9-character organisation code or 18-character unified social credit code used in its 索引号. */
  code: z.string().superRefine((code, ctx) => {
    const problem = checkOrganisationCode(code);
    if (problem) ctx.addIssue({ code: 'custom', message: problem.zh });
  }),
});

export const siteConfigSchema = z
  .strictObject({
    /** Site name shown in every page header, e.g. 绍兴市越城区人民政府 政府信息公开. */
    name: z.string().trim().min(1),
    /** The organisation that owns the site. */
    owner: z.string().trim().min(1),
    /** Absolute origin the site is deployed at, for canonical URLs, feeds and the sitemap. */
    url: z.url({ protocol: /^https?$/ }),
    categories: z.array(categorySchema).min(1),
    issuers: z.array(issuerSchema).default([]),
    /** 网站标识码, for the government page meta tags. */
    siteIdCode: z.string().optional(),
    /** Public holidays (not working days) and make-up working days (调休), for the 20-working-day rule. */
    holidays: z.array(isoDay).default([]),
    workdays: z.array(isoDay).default([]),
  })
  .superRefine((config, ctx) => {
    const seen = new Set<string>();
    for (const [i, c] of config.categories.entries()) {
      for (const key of ['name', 'slug'] as const) {
        const k = `${key}:${c[key]}`;
        if (seen.has(k)) ctx.addIssue({ code: 'custom', path: ['categories', i, key], message: `重复的组配分类 ${c[key]}` });
        seen.add(k);
      }
    }
  });

export type SiteConfigInput = z.input<typeof siteConfigSchema>;
export type SiteConfig = z.output<typeof siteConfigSchema>;

/** Typed helper for `src/content/site.config.ts`: editors get completion, the build gets validation. */
export function defineSiteConfig(config: SiteConfigInput): SiteConfigInput {
  return config;
}

/** Validates a site configuration, throwing one Chinese message listing every problem. */
export function parseSiteConfig(input: unknown, file = 'src/content/site.config.ts'): SiteConfig {
  const result = siteConfigSchema.safeParse(input);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `  ${i.path.join('.') || '(根)'}: ${i.message}`);
  throw new Error(`站点配置 ${file} 有误：\n${lines.join('\n')}`);
}
