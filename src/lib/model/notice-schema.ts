import { z } from 'astro/zod';
import { checkIndexNo, parseIndexNo } from './index-no';
import { checkDocNo } from './doc-no';
import { checkCalendarDate, checkDateTimeWithOffset, yearOf } from './dates';
import { checkAttachmentHref } from './attachments';
import type { RuleResult } from './rule';

/**
 * The notice frontmatter contract of CONTENT-MODEL.md as one zod schema.
 *
 * Input is the YAML parsed with the failsafe schema, so every scalar arrives as a string and the
 * schema alone decides what it means (no YAML 1.1 dates, no octal phone numbers). Domain failures
 * carry `params: { en, expected }` so reports can print Chinese first, English second, and the form
 * expected; generic failures use zod's zh-CN locale.
 */

/** Maps each reply kind to the 组配分类 it belongs to. */
export const REPLY_KIND_CATEGORY = { 建议: '人大代表建议', 提案: '政协提案' } as const;
export type ReplyKind = keyof typeof REPLY_KIND_CATEGORY;
const REPLY_CATEGORIES: ReadonlySet<string> = new Set(Object.values(REPLY_KIND_CATEGORY));

type Ctx = z.RefinementCtx;

function report(ctx: Ctx, failure: RuleResult, path: PropertyKey[] = []): void {
  if (!failure) return;
  ctx.addIssue({
    code: 'custom',
    message: failure.zh,
    path,
    params: { en: failure.en, ...(failure.expected ? { expected: failure.expected } : {}) },
  });
}

/** A string field run through one rule function. */
const ruled = (rule: (v: string) => RuleResult) =>
  z.string().superRefine((v, ctx) => report(ctx, rule(v)));

/** Non-empty text after trimming; an empty value reads as "missing" to editors. */
const text = () =>
  z.string().trim().min(1, { error: '不能为空', params: { en: 'must not be empty' } } as never);

/** YAML booleans come in as text under the failsafe schema. */
const yesNo = z
  .union([z.boolean(), z.enum(['true', 'false'])])
  .transform((v) => v === true || v === 'true');

/** Empty optional scalars (`docNo:` left blank) count as absent. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' || v === null ? undefined : v), schema.optional());

const replySchema = z.strictObject({
  kind: z.enum(['建议', '提案']),
  session: text(),
  number: text(),
  addressee: text(),
  subject: optional(text()),
  resultClass: optional(z.enum(['A', 'B', 'C'])),
});

const contactSchema = z.strictObject({
  name: optional(text()),
  phone: optional(text()),
  unit: optional(text()),
});

const attachmentSchema = z.strictObject({
  title: text(),
  href: z.string().trim().min(1).superRefine((v, ctx) => report(ctx, checkAttachmentHref(v))),
});

const legacySchema = z.strictObject({
  url: optional(text()),
  importedFrom: text(),
  supplied: optional(z.array(text())),
});

export function createNoticeSchema(categories: readonly string[]) {
  return z
    .strictObject({
      title: text(),
      indexNo: ruled(checkIndexNo),
      category: z.string().superRefine((v, ctx) => {
        if (!categories.includes(v)) {
          report(ctx, {
            zh: `组配分类「${v}」不在站点配置中`,
            en: `category "${v}" is not configured for the site`,
            expected: categories.join('、'),
          });
        }
      }),
      issuer: text(),
      date: ruled(checkCalendarDate),
      publishedAt: optional(ruled(checkDateTimeWithOffset)),
      disclosure: optional(z.enum(['主动公开', '依申请公开'])).transform((v) => v ?? '主动公开'),
      scope: optional(text()).transform((v) => v ?? '面向全社会'),
      docNo: optional(ruled(checkDocNo)),
      keywords: optional(z.array(text().max(20, { error: '关键词太长' } as never))).transform((v) => v ?? []),
      summary: optional(text().max(300)),
      source: optional(text()),
      reply: optional(replySchema),
      contact: optional(contactSchema),
      attachments: optional(z.array(attachmentSchema)).transform((v) => v ?? []),
      lang: optional(z.enum(['zh-Hans', 'zh-Hant'])).transform((v) => v ?? 'zh-Hans'),
      draft: optional(yesNo).transform((v) => v ?? false),
      legacy: optional(legacySchema),
    })
    .superRefine((n, ctx) => {
      for (const { path, failure } of relationFailures(n, categories)) report(ctx, failure, path);
    })
    .transform((n) => ({
      ...n,
      publishedAt: n.publishedAt ?? `${n.date}T00:00:00+08:00`,
      source: n.source ?? n.issuer,
    }));
}

export type NoticeSchema = ReturnType<typeof createNoticeSchema>;
export type NoticeData = z.output<NoticeSchema>;

export interface RelationFailure {
  path: PropertyKey[];
  failure: NonNullable<RuleResult>;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);

/**
 * Rules between fields. They read the raw frontmatter so they can run even when other fields
 * fail (zod skips object refinements then), and only compare fields that are themselves valid.
 */
export function relationFailures(raw: unknown, categories: readonly string[]): RelationFailure[] {
  if (!raw || typeof raw !== 'object') return [];
  const n = raw as Record<string, unknown>;
  const out: RelationFailure[] = [];
  const indexNo = str(n.indexNo);
  const date = str(n.date);
  const idx = indexNo && checkIndexNo(indexNo) === null ? parseIndexNo(indexNo) : null;
  if (idx && date && checkCalendarDate(date) === null && idx.year !== yearOf(date)) {
    out.push({
      path: ['indexNo'],
      failure: {
        zh: `索引号中的年份 ${idx.year} 与发文日期 ${date} 的年份 ${yearOf(date)} 不一致`,
        en: `the index number's year ${idx.year} differs from the year of date ${date}`,
        expected: `${idx.code}/${yearOf(date)}-${idx.serial}`,
      },
    });
  }
  const category = str(n.category);
  if (!category || !categories.includes(category)) return out;
  const reply = n.reply && typeof n.reply === 'object' ? (n.reply as Record<string, unknown>) : undefined;
  if (REPLY_CATEGORIES.has(category) && !reply) {
    out.push({
      path: ['reply'],
      failure: {
        zh: `组配分类为「${category}」的答复必须填写 reply（类型、会议、编号、代表/委员）`,
        en: `a notice in category "${category}" needs a reply block (kind, session, number, addressee)`,
      },
    });
  }
  const kind = reply?.kind;
  if (kind === '建议' || kind === '提案') {
    const belongs = REPLY_KIND_CATEGORY[kind];
    if (belongs !== category) {
      const wanted = Object.entries(REPLY_KIND_CATEGORY).find(([, c]) => c === category)?.[0];
      out.push({
        path: ['reply', 'kind'],
        failure: {
          zh: `答复类型「${kind}」属于组配分类「${belongs}」，与本文的组配分类「${category}」不一致`,
          en: `reply kind "${kind}" belongs to category "${belongs}", but the notice is in "${category}"`,
          expected: wanted ?? '非答复类的组配分类不填写 reply',
        },
      });
    }
  }
  return out;
}
