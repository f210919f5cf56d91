import { z } from 'astro/zod';
import { checkIndexNo, checkIndexNoYear } from './index-no';
import { checkDocNo } from './doc-no';
import { checkCalendarDate, checkDateTimeWithOffset } from './dates';
import { checkAttachmentHref } from './attachments';
import { asModel, issuerSuggestion, type ModelSource, type NoticeModel } from './notice-model';
import { placeholderIn } from './placeholders';
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
/** The categories that hold replies by name (a category of kind 建议提案 does too). */
export const REPLY_CATEGORIES: ReadonlySet<string> = new Set(Object.values(REPLY_KIND_CATEGORY));

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
  z
    .string()
    .trim()
    .min(1, { error: '不能为空', params: { en: 'must not be empty' } } as never);

/** YAML booleans come in as text under the failsafe schema. */
const yesNo = z
  .union([z.boolean(), z.enum(['true', 'false'])])
  .transform((v) => v === true || v === 'true');

/** Empty optional scalars (`docNo:` left blank) count as absent. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' || v === null ? undefined : v), schema.optional());

/** 提出方式, 办理方式 and 有效性 as the content model names them. */
export const PROPOSER_TYPES = ['个人', '联名', '集体'] as const;
export const HANDLING_ROLES = ['主办', '协办', '会办', '分办'] as const;
export const VALIDITIES = ['有效', '失效', '废止', '已修改'] as const;
/** Document types that must state their 有效性. */
export const TYPES_WITH_VALIDITY: ReadonlySet<string> = new Set(['规章', '行政规范性文件']);

const oneOf = (values: readonly string[], what: string) =>
  z.string().superRefine((v, ctx) => {
    if (!values.includes(v))
      report(ctx, {
        zh: `${what}「${v}」不在站点配置的${what}中`,
        en: `"${v}" is not one of the configured values`,
        expected: values.join('、'),
      });
  });

const replySchema = (model: NoticeModel) =>
  z.strictObject({
    kind: z.enum(['建议', '提案']),
    session: text(),
    number: text(),
    addressee: text(),
    proposerType: optional(z.enum(PROPOSER_TYPES)).transform((v) => v ?? '个人'),
    coSigners: optional(z.array(text())),
    role: optional(z.enum(HANDLING_ROLES)).transform((v) => v ?? '主办'),
    subject: optional(text()),
    resultClass: optional(
      z.string().superRefine((v, ctx) => {
        if (model.resultClasses.has(v)) return;
        report(ctx, {
          zh: `办理结果类别「${v}」不在站点的类别中`,
          en: `result class "${v}" is not in the site's scheme`,
          expected: [...model.resultClasses]
            .map(([code, label]) => `${code}（${label}）`)
            .join('、'),
        });
      }),
    ),
  });

const contactSchema = z.strictObject({
  name: optional(text()),
  phone: optional(text()),
  unit: optional(text()),
});

const attachmentSchema = z.strictObject({
  title: text(),
  href: z
    .string()
    .trim()
    .min(1)
    .superRefine((v, ctx) => report(ctx, checkAttachmentHref(v))),
});

/** What the importer changed in a value to make it valid (e.g. a 文号's [2024] → 〔2024〕). */
const normalizedSchema = z.strictObject({ field: text(), from: text(), to: text() });

const legacySchema = z.strictObject({
  url: optional(text()),
  importedFrom: text(),
  supplied: optional(z.array(text())),
  normalized: optional(z.array(normalizedSchema)),
});

/** 索引号 lists (replaces, interprets): text here; what they point at is a cross-file rule. */
const indexNoList = optional(z.array(text()));

export function createNoticeSchema(source: ModelSource | NoticeModel) {
  const model = asModel(source);
  const { categories } = model;
  return z
    .strictObject({
      title: text(),
      indexNo: text(),
      category: z.string().superRefine((v, ctx) => {
        if (!categories.includes(v)) {
          report(ctx, {
            zh: `组配分类「${v}」不在站点配置中`,
            en: `category "${v}" is not configured for the site`,
            expected: categories.join('、'),
          });
        }
      }),
      issuer: text().superRefine((v, ctx) => report(ctx, checkIssuer(model, v))),
      date: ruled(checkCalendarDate),
      publishedAt: optional(ruled(checkDateTimeWithOffset)),
      disclosure: optional(z.enum(['主动公开', '依申请公开'])).transform((v) => v ?? '主动公开'),
      scope: optional(text()).transform((v) => v ?? '面向全社会'),
      docNo: optional(ruled(checkDocNo)),
      keywords: optional(z.array(text().max(20, { error: '关键词太长' } as never))).transform(
        (v) => v ?? [],
      ),
      summary: optional(text().max(300)),
      source: optional(text()),
      reply: optional(replySchema(model)),
      docType: optional(oneOf(model.docTypes, '文件类型')),
      validity: optional(z.enum(VALIDITIES)),
      effectiveFrom: optional(ruled(checkCalendarDate)),
      expiresOn: optional(ruled(checkCalendarDate)),
      repealedOn: optional(ruled(checkCalendarDate)),
      replaces: indexNoList,
      interprets: indexNoList,
      contact: optional(contactSchema),
      attachments: optional(z.array(attachmentSchema)).transform((v) => v ?? []),
      lang: optional(z.enum(['zh-Hans', 'zh-Hant'])).transform((v) => v ?? 'zh-Hans'),
      draft: optional(yesNo).transform((v) => v ?? false),
      legacy: optional(legacySchema),
    })
    .superRefine((n, ctx) => {
      for (const { path, failure } of relationFailures(n, model)) report(ctx, failure, path);
    })
    .transform((n) => {
      // An alias stands for its issuer: listings and counts group under the configured name.
      const issuer = model.issuer(n.issuer)?.name ?? n.issuer;
      return { ...n, issuer, source: n.source ?? issuer };
    });
}

export type NoticeSchema = ReturnType<typeof createNoticeSchema>;
export type NoticeData = z.output<NoticeSchema>;
/** A notice that went public: 发布日期 is always there. */
export type PublishedNoticeData = NoticeData & { publishedAt: string };

/** Not a draft, so (the check guarantees) it has its 发布日期. */
export const isPublished = (d: NoticeData): d is PublishedNoticeData =>
  !d.draft && d.publishedAt !== undefined;

function checkIssuer(model: NoticeModel, v: string): RuleResult {
  if (!model.issuersListed || model.issuer(v)) return null;
  const guess = issuerSuggestion(model, v);
  return {
    zh: guess
      ? `发布机构「${v}」不在站点配置中。您是否要写「${guess}」？`
      : `发布机构「${v}」不在站点配置的发布机构中（也不是别名）`,
    en: guess
      ? `issuer "${v}" is not configured; did you mean "${guess}"?`
      : `issuer "${v}" is not one of the configured issuers or aliases`,
    expected: guess ?? model.issuerNames.join('、'),
  };
}

export interface RelationFailure {
  path: PropertyKey[];
  failure: NonNullable<RuleResult>;
}

const str = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() !== '' ? v : undefined;
const validDate = (v: unknown): string | undefined =>
  str(v) && checkCalendarDate(v as string) === null ? (v as string) : undefined;
const isDraft = (v: unknown) => v === true || v === 'true';

/**
 * Rules between fields, and rules that depend on the issuer or on `draft`. They read the raw
 * frontmatter so they can run even when other fields fail (zod skips object refinements then),
 * and only compare fields that are themselves valid.
 */
export function relationFailures(
  raw: unknown,
  source: ModelSource | NoticeModel,
): RelationFailure[] {
  if (!raw || typeof raw !== 'object') return [];
  const model = asModel(source);
  const n = raw as Record<string, unknown>;
  const out: RelationFailure[] = [];
  const push = (path: PropertyKey[], failure: RuleResult) => failure && out.push({ path, failure });
  const draft = isDraft(n.draft);
  const date = validDate(n.date);
  const publishedAt =
    str(n.publishedAt) && checkDateTimeWithOffset(n.publishedAt as string) === null
      ? (n.publishedAt as string)
      : undefined;

  // 索引号: its issuer's form and code, then its year.
  const indexNo = str(n.indexNo);
  if (indexNo) {
    const rules = model.indexNoRules(str(n.issuer));
    const problem = checkIndexNo(indexNo, rules);
    push(['indexNo'], problem ?? checkIndexNoYear(indexNo, rules, date, publishedAt));
  }

  // 发布日期: the moment it went public, never before 发文日期; a published notice must have one.
  if (!draft && n.publishedAt === undefined) {
    push(['publishedAt'], {
      zh: '不是草稿的信息会发布，必须有发布日期 publishedAt（上网公开的时刻，不能用发文日期代替）：用 npm run publish -- 文件 发布，会自动填写；暂不发布请写 draft: true',
      en: 'a published notice needs publishedAt (the moment it went public, never the document date); npm run publish stamps it',
      expected: '带时区的日期时间，如 2024-08-12T09:48:00+08:00',
    });
  }
  if (date && publishedAt && publishedAt.slice(0, 10) < date) {
    push(['publishedAt'], {
      zh: `发布日期 ${publishedAt} 早于发文日期 ${date}：信息不能在成文之前公开`,
      en: `publishedAt ${publishedAt} is before date ${date}`,
      expected: `${date} 当天或之后的时刻`,
    });
  }

  // Placeholders never publish.
  if (!draft) {
    for (const { path, value } of placeholderFields(n)) {
      push(path, {
        zh: `「${value}」是待填写的占位文字，发布前请填写真实内容（或保留 draft: true）`,
        en: `"${value}" is a placeholder; fill it in before publishing (or keep draft: true)`,
        expected: '真实内容',
      });
    }
  }

  const category = str(n.category);
  if (!category || !model.categories.includes(category)) return out;
  const kind = model.kindOf(category);

  // Replies.
  const reply =
    n.reply && typeof n.reply === 'object' ? (n.reply as Record<string, unknown>) : undefined;
  const replyCategory = REPLY_CATEGORIES.has(category) || kind === '建议提案';
  if (replyCategory && !reply) {
    push(['reply'], {
      zh: `组配分类为「${category}」的答复必须填写 reply（类型、会议、编号、代表/委员）`,
      en: `a notice in category "${category}" needs a reply block (kind, session, number, addressee)`,
    });
  }
  const replyKind = reply?.kind;
  if (reply && !replyCategory) {
    push(['reply', 'kind'], {
      zh: `组配分类「${category}」不是建议提案答复，不应填写 reply`,
      en: `category "${category}" takes no reply block`,
      expected: '非答复类的组配分类不填写 reply',
    });
  }
  if (
    (replyKind === '建议' || replyKind === '提案') &&
    REPLY_CATEGORIES.has(category) &&
    REPLY_KIND_CATEGORY[replyKind] !== category
  ) {
    const belongs = REPLY_KIND_CATEGORY[replyKind];
    const wanted = Object.entries(REPLY_KIND_CATEGORY).find(([, c]) => c === category)?.[0];
    push(['reply', 'kind'], {
      zh: `答复类型「${replyKind}」属于组配分类「${belongs}」，与本文的组配分类「${category}」不一致`,
      en: `reply kind "${replyKind}" belongs to category "${belongs}", but the notice is in "${category}"`,
      expected: wanted ?? '非答复类的组配分类不填写 reply',
    });
  }
  if (reply) {
    const type = str(reply.proposerType) ?? '个人';
    const coSigners = Array.isArray(reply.coSigners) ? reply.coSigners : undefined;
    if (coSigners?.length && type !== '联名') {
      push(['reply', 'coSigners'], {
        zh: `只有联名提出（proposerType: 联名）的${replyKind ?? '建议'}才有联名人；本文提出方式为「${type}」`,
        en: `coSigners only go with proposerType 联名; this one is ${type}`,
        expected: '删除 coSigners，或把 proposerType 改为 联名',
      });
    }
    if (type === '联名' && !coSigners?.length) {
      push(['reply', 'coSigners'], {
        zh: '联名提出的建议提案应列出联名人（coSigners），领衔人写在 addressee',
        en: 'a jointly signed proposal lists its co-signers (coSigners); the lead signer is addressee',
        expected: '联名人姓名的列表，如 [张三, 李四]',
      });
    }
  }

  // Policy documents: type, validity and their dates.
  // A draft may still lack them: `npm run publish` checks again before it goes public.
  const docType = str(n.docType);
  if (kind === '政策文件' && !docType && !draft) {
    push(['docType'], {
      zh: `组配分类「${category}」中的信息是政策文件（站点配置 kind: 政策文件），须填写文件类型 docType`,
      en: `category "${category}" holds policy documents: docType is required`,
      expected: model.docTypes.join('、'),
    });
  }
  const validity = str(n.validity);
  if (docType && TYPES_WITH_VALIDITY.has(docType) && !validity && !draft) {
    push(['validity'], {
      zh: `${docType}必须填写有效性 validity`,
      en: `a ${docType} must state its validity`,
      expected: VALIDITIES.join('、'),
    });
  }
  const effectiveFrom = validDate(n.effectiveFrom);
  const expiresOn = validDate(n.expiresOn);
  const repealedOn = validDate(n.repealedOn);
  if (date && effectiveFrom && effectiveFrom < date) {
    push(['effectiveFrom'], {
      zh: `施行日期 ${effectiveFrom} 早于发文日期 ${date}`,
      en: `effectiveFrom ${effectiveFrom} is before date ${date}`,
      expected: `${date} 或之后的日期`,
    });
  }
  const expiryFloor = effectiveFrom ?? date;
  if (expiryFloor && expiresOn && expiresOn <= expiryFloor) {
    const what = effectiveFrom ? `施行日期 ${effectiveFrom}` : `发文日期 ${date}`;
    push(['expiresOn'], {
      zh: `有效期至 ${expiresOn} 应晚于${what}`,
      en: `expiresOn ${expiresOn} must be after ${effectiveFrom ? 'effectiveFrom' : 'date'}`,
      expected: `${expiryFloor} 之后的日期`,
    });
  }
  if (validity === '废止' && n.repealedOn === undefined) {
    push(['repealedOn'], {
      zh: '有效性为「废止」的文件必须填写废止日期 repealedOn',
      en: 'a repealed document needs repealedOn',
      expected: '真实日期 YYYY-MM-DD',
    });
  }
  if (n.repealedOn !== undefined && validity !== '废止') {
    push(['repealedOn'], {
      zh: `填写了废止日期，但有效性是「${validity ?? '（未填）'}」`,
      en: 'repealedOn is set but validity is not 废止',
      expected: 'validity: 废止，或删除 repealedOn',
    });
  }
  if (date && repealedOn && repealedOn < date) {
    push(['repealedOn'], {
      zh: `废止日期 ${repealedOn} 早于发文日期 ${date}`,
      en: `repealedOn ${repealedOn} is before date ${date}`,
      expected: `${date} 或之后的日期`,
    });
  }
  const interprets = Array.isArray(n.interprets) ? n.interprets : [];
  if (kind === '政策解读' && interprets.length === 0 && !draft) {
    push(['interprets'], {
      zh: `组配分类「${category}」是政策解读，必须用 interprets 列出所解读文件的索引号`,
      en: `category "${category}" holds interpretations: interprets lists the documents interpreted`,
      expected: '至少一个已发布政策文件的索引号，如 [11330602056860309P/2024-00012]',
    });
  }
  return out;
}

/** Every frontmatter value (not `legacy`) that still holds a placeholder, with its path. */
function placeholderFields(
  n: Record<string, unknown>,
): Array<{ path: PropertyKey[]; value: string }> {
  const out: Array<{ path: PropertyKey[]; value: string }> = [];
  const walk = (v: unknown, path: PropertyKey[]) => {
    if (typeof v === 'string') {
      const hit = placeholderIn(v);
      if (hit) out.push({ path, value: hit });
    } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
    else if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
  };
  for (const [k, v] of Object.entries(n)) if (k !== 'legacy') walk(v, [k]);
  return out;
}
