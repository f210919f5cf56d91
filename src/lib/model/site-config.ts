import { z } from 'astro/zod';
import { checkOrganisationCode } from './check-digits';
import {
  codeShapeProblem,
  DEFAULT_INDEX_NO_FORMAT,
  indexNoFormatProblems,
  plainCode,
} from './index-no';

/** The content model's default 组配分类, in display order; a site may add, drop or reorder them. */
export const DEFAULT_CATEGORIES = [
  { name: '人大代表建议', slug: 'renda-jianyi', kind: '建议提案' },
  { name: '政协提案', slug: 'zhengxie-tian', kind: '建议提案' },
  // Inspection rules (国办秘函〔2019〕19号): news within 2 weeks, notices and policy within 6 months.
  { name: '工作动态', slug: 'gongzuo-dongtai', kind: '动态', freshness: { days: 14 } },
  { name: '工作总结', slug: 'gongzuo-zongjie', kind: '其他' },
  { name: '通知公告', slug: 'tongzhi-gonggao', kind: '通知公告', freshness: { months: 6 } },
  { name: '政策文件', slug: 'zhengce-wenjian', kind: '政策文件', freshness: { months: 6 } },
  // Each 解读 names the documents it interprets (interprets), published within 3 working days of them.
  { name: '政策解读', slug: 'zhengce-jiedu', kind: '政策解读' },
] as const;

/** What a category holds, which decides the fields its notices need (政策文件: docType; 政策解读: interprets). */
export const CATEGORY_KINDS = [
  '动态',
  '通知公告',
  '政策文件',
  '政策解读',
  '建议提案',
  '其他',
] as const;
export type CategoryKind = (typeof CATEGORY_KINDS)[number];

/** 文件类型 when the site names none. */
export const DEFAULT_DOC_TYPES = ['规章', '行政规范性文件', '其他文件'] as const;

/** 办理结果类别 when the site names none. */
export const DEFAULT_RESULT_CLASSES = [
  { code: 'A', label: '已解决或采纳' },
  { code: 'B', label: '正在解决或列入计划' },
  { code: 'C', label: '留作参考' },
] as const;

const categorySchema = z.strictObject({
  /** 组配分类 as written in notices' `category`. */
  name: z.string().trim().min(1),
  /** ASCII path segment for the category's listing pages. */
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, '只能用小写字母、数字和连字符'),
  /** What the category holds; decides which policy fields its notices need. Default 其他. */
  kind: z.enum(CATEGORY_KINDS).default('其他'),
  /** How recent the newest notice must be for the column to count as updated (npm run audit). */
  freshness: z
    .strictObject({
      days: z.number().int().positive().optional(),
      months: z.number().int().positive().optional(),
    })
    .optional(),
  description: z.string().optional(),
  keywords: z.array(z.string()).optional(),
});

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应写成 YYYY-MM-DD');

const indexNoFormat = z.string().superRefine((pattern, ctx) => {
  for (const problem of indexNoFormatProblems(pattern))
    ctx.addIssue({ code: 'custom', message: `索引号格式「${pattern}」：${problem}` });
});

const issuerSchema = z
  .strictObject({
    name: z.string().trim().min(1),
    /**
     * 9-character organisation code (also printed XXXXXXXX-X) or 18-character unified social credit
     * code: the issuer's 索引号 must carry it. Without it, any code with valid check digits passes.
     */
    code: z.string().optional(),
    /** Other spellings editors write for the same office (e.g. 越城区科技局); they count as the issuer. */
    aliases: z.array(z.string().trim().min(1)).default([]),
    /** This issuer's 索引号 form, when it differs from the site's. */
    indexNoFormat: indexNoFormat.optional(),
    /** false: accept a published code whose check digit fails (say why in a comment). Default true. */
    checkDigit: z.boolean().default(true),
  })
  .superRefine((issuer, ctx) => {
    if (issuer.code === undefined) return;
    const code = plainCode(issuer.code);
    const problem = issuer.checkDigit ? checkOrganisationCode(code) : codeShapeProblem(code);
    if (problem)
      ctx.addIssue({
        code: 'custom',
        path: ['code'],
        message: `${problem.zh}（如该代码已公开使用而校验位不符，可设 checkDigit: false 并注明原因）`,
      });
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
    /** The site's 索引号 form (issuers may have their own). */
    indexNoFormat: indexNoFormat.default(DEFAULT_INDEX_NO_FORMAT),
    /** 文件类型 of policy documents. */
    docTypes: z
      .array(z.string().trim().min(1))
      .min(1)
      .default([...DEFAULT_DOC_TYPES]),
    /** 办理结果类别 of replies: a code editors write and the label readers see. */
    resultClasses: z
      .array(z.strictObject({ code: z.string().trim().min(1), label: z.string().trim().min(1) }))
      .min(1)
      .default(DEFAULT_RESULT_CLASSES.map((c) => ({ ...c }))),
    /** 网站标识码 (10 letters or digits, e.g. 3306020001 or bm09000001): page tags and footer; required to build for a real domain. */
    siteIdCode: z
      .string()
      .trim()
      .regex(
        /^[0-9A-Za-z]{10}$/,
        '网站标识码 siteIdCode 应为 10 位数字或字母（全国政府网站信息报送系统分配），如 3306020001',
      )
      .optional(),
    /** The 党政机关网站 标识 image, a file of the site itself (public/), shown in the footer. */
    badge: z
      .strictObject({
        image: z
          .string()
          .regex(
            /^\/(?!\/)\S+$/,
            '标识图片 badge.image 应为本站 public/ 下的文件地址，如 /files/dzjg.png（不能引用其他网站的图片）',
          ),
      })
      .optional(),
    /** ICP备案号 and 公安机关备案号, shown in every page footer. */
    icp: z.string().trim().min(1).optional(),
    psb: z.string().trim().min(1).optional(),
    /** Overrides of the official holiday calendar (chinese-days): extra holidays and make-up working days (调休). */
    holidays: z.array(isoDay).default([]),
    workdays: z.array(isoDay).default([]),
  })
  .superRefine((config, ctx) => {
    const seen = new Set<string>();
    for (const [i, c] of config.categories.entries()) {
      for (const key of ['name', 'slug'] as const) {
        const k = `${key}:${c[key]}`;
        if (seen.has(k))
          ctx.addIssue({
            code: 'custom',
            path: ['categories', i, key],
            message: `重复的组配分类 ${c[key]}`,
          });
        seen.add(k);
      }
    }
    const names = new Map<string, number>();
    for (const [i, issuer] of config.issuers.entries()) {
      for (const [j, name] of [issuer.name, ...issuer.aliases].entries()) {
        const other = names.get(name);
        if (other !== undefined && other !== i) {
          ctx.addIssue({
            code: 'custom',
            path: ['issuers', i, ...(j === 0 ? ['name'] : ['aliases', j - 1])],
            message: `发布机构名称或别名「${name}」重复（已用于 issuers[${other}]）`,
          });
        }
        names.set(name, i);
      }
    }
    for (const [key, list] of [
      ['docTypes', config.docTypes],
      ['resultClasses', config.resultClasses.map((c) => c.code)],
    ] as const) {
      const dup = list.find((v, i) => list.indexOf(v) !== i);
      if (dup !== undefined)
        ctx.addIssue({ code: 'custom', path: [key], message: `「${dup}」重复` });
    }
  });

export type SiteConfigInput = z.input<typeof siteConfigSchema>;
export type SiteConfig = z.output<typeof siteConfigSchema>;

/** Typed helper for `src/content/site.config.ts`: editors get completion, the build gets validation. */
export function defineSiteConfig(config: SiteConfigInput): SiteConfigInput {
  return config;
}

const zhCN = z.locales.zhCN().localeError;

/** Where a problem is, as an editor finds it: issuers[3]（发布机构「齐齐哈尔市科技局」，第 4 个）.indexNoFormat. */
function describePath(input: unknown, path: ReadonlyArray<PropertyKey>): string {
  const list: Record<string, string> = {
    issuers: '发布机构',
    categories: '组配分类',
    resultClasses: '办理结果类别',
    docTypes: '文件类型',
  };
  let out = '';
  let node: unknown = input;
  path.forEach((seg, i) => {
    node =
      node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[seg] : undefined;
    if (typeof seg === 'number') {
      const parent = String(path[i - 1]);
      const name =
        node && typeof node === 'object'
          ? ((node as { name?: unknown; code?: unknown }).name ?? (node as { code?: unknown }).code)
          : node;
      out += `[${seg}]（${list[parent] ?? ''}${typeof name === 'string' ? `「${name}」，` : ''}第 ${seg + 1} 个）`;
    } else out += (out ? '.' : '') + String(seg);
  });
  return out || '（整个配置）';
}

function messageOf(result: unknown): string {
  if (typeof result === 'string') return result;
  return result && typeof result === 'object' && 'message' in result ? String(result.message) : '';
}

/** Validates a site configuration, throwing one Chinese message listing every problem. */
export function parseSiteConfig(input: unknown, file = 'src/content/site.config.ts'): SiteConfig {
  const result = siteConfigSchema.safeParse(input, { error: (iss) => zhCN(iss) });
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => {
    const keys =
      i.code === 'unrecognized_keys'
        ? `（未知的设置项：${i.keys.join('、')}，是否拼写有误？）`
        : '';
    return `  ${describePath(input, i.path)}：${i.message || messageOf(zhCN(i as never))}${keys}`;
  });
  throw new Error(`站点配置 ${file} 有误：\n${lines.join('\n')}`);
}

/**
 * Whether a site URL is a real public domain, not one reserved for examples and tests (RFC 2606 /
 * 6761: example, test, invalid, localhost): a real one must carry its 网站标识码.
 */
export function isRealDomain(url: string): boolean {
  const host = new URL(url).hostname.toLowerCase();
  if (host === 'localhost' || /^[\d.]+$/.test(host) || host.includes(':')) return false;
  const labels = host.split('.');
  return !labels.includes('example') && !['test', 'invalid', 'localhost'].includes(labels.at(-1)!);
}
