import { z } from 'astro/zod';
import type { ContentDigests } from './notice-digests';
import { FIELDS, fieldInfo, formatPath } from '../model/fields';
import { relationFailures, type NoticeData, type NoticeSchema } from '../model/notice-schema';
import { asModel, type ModelSource, type NoticeModel } from '../model/notice-model';
import { placeholderLines } from '../model/placeholders';
import { parseNotice, type ParsedNotice } from './frontmatter';
import { bodyImages, type BodyImage } from './body-images';
import { pastedTables } from './pasted-tables';
import { TRADITIONAL_SHARE, traditionalShare } from '../text/traditional';
import type { Problem } from './problem';

const zhCN = z.locales.zhCN().localeError;
const en = z.locales.en().localeError;

export interface CheckedNotice {
  file: string;
  /** Validated data, or null when the notice has problems. */
  data: NoticeData | null;
  parsed: ParsedNotice;
  problems: Problem[];
  /**
   * Set by checkNotices over every file: the check cache's key for the text checked (a hash of
   * the file's text and the checking code), so callers can tell a changed file without reading it.
   */
  sourceKey?: string;
  /** Set by checkNotices: the body's lead (leadBlocks), kept by the check cache. */
  lead?: string;
  /** Set by checkNotices: digests of the data and the lead (notice-digests.ts), kept by the check cache. */
  digests?: ContentDigests;
  /** The body's images, whose files the cross-file rules look for in public/. */
  images?: BodyImage[];
  /**
   * What the cross-file rules read, as written, also when the notice has other problems (data is
   * then null): so a duplicate 索引号 or a missing attachment file shows in the same run.
   */
  refs?: NoticeRefs;
}

export interface NoticeRefs {
  indexNo?: string;
  issuer?: string;
  attachments: Array<{ title: string; href: string }>;
}

/** The cross-file fields of raw frontmatter, those that are text. */
export function refsOf(raw: unknown): NoticeRefs {
  const n = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
  const attachments = Array.isArray(n.attachments)
    ? n.attachments
        .map((a) => (a && typeof a === 'object' ? a : {}) as Record<string, unknown>)
        .map((a) => ({ title: text(a.title) ?? '', href: text(a.href) ?? '' }))
    : [];
  return {
    ...(text(n.indexNo) ? { indexNo: text(n.indexNo) } : {}),
    ...(text(n.issuer) ? { issuer: text(n.issuer) } : {}),
    attachments,
  };
}

function valueAt(data: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let v: unknown = data;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[seg];
  }
  return v;
}

function asText(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
}

function messageOf(result: unknown): string {
  if (typeof result === 'string') return result;
  if (result && typeof result === 'object' && 'message' in result) return String(result.message);
  return '';
}

/** Edit distance, for keys typed a letter or two wrong. */
function distance(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0]!;
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = d[j]!;
      d[j] = Math.min(d[j]! + 1, d[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return d[b.length]!;
}

/**
 * The content-model key an unknown key was meant to be, at the same level: its 中文 name (标题 →
 * title), the same letters without case, spaces or dashes (index No → indexNo), or one or two
 * letters off (titel → title).
 */
export function meantKey(path: ReadonlyArray<PropertyKey>, key: string): string | undefined {
  const prefix = path.filter((p) => typeof p !== 'number').join('.');
  const keys = Object.keys(FIELDS)
    .filter((k) =>
      prefix
        ? k.startsWith(`${prefix}.`) && !k.slice(prefix.length + 1).includes('.')
        : !k.includes('.'),
    )
    .map((k) => (prefix ? k.slice(prefix.length + 1) : k))
    .filter((k) => k !== 'frontmatter' && k !== 'body' && k !== 'encoding');
  const full = (k: string) => (prefix ? `${prefix}.${k}` : k);
  const byLabel = keys.find((k) => FIELDS[full(k)]!.label === key.trim());
  if (byLabel) return byLabel;
  const fold = (s: string) => s.toLowerCase().replace(/[\s_-]/g, '');
  const same = keys.find((k) => fold(k) === fold(key));
  if (same) return same;
  const close = keys
    .map((k) => [k, distance(fold(k), fold(key))] as const)
    .filter(([k, d]) => d <= (k.length >= 6 ? 2 : 1))
    .sort((a, b) => a[1] - b[1]);
  return close[0]?.[0];
}

/** Turns one zod issue into the problems an editor reads (an unknown-keys issue names each key). */
function problemsOfIssue(
  issue: z.core.$ZodIssue,
  file: string,
  raw: unknown,
  parsed: ParsedNotice,
): Problem[] {
  const path = issue.path as PropertyKey[];
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => {
      const full = [...path, key];
      const field = formatPath(full);
      const meant = meantKey(path, key);
      const base = {
        file,
        line: parsed.lineOf(full),
        field,
        label: '未知字段',
        value: asText(valueAt(raw, full)),
      };
      if (meant) {
        const label =
          FIELDS[[...path.filter((p) => typeof p !== 'number'), meant].join('.')]?.label ?? meant;
        const chinese = /\p{Script=Han}/u.test(key);
        return {
          ...base,
          expected: `把「${key}」改为「${meant}」`,
          message: chinese
            ? `字段名须用英文：「${key}」应写作 ${meant}（${label}）`
            : `未知字段「${field}」：您是否要写 ${meant}（${label}）？`,
          messageEn: `unknown field "${field}": did you mean "${meant}"?`,
          meant: [...path, meant],
        };
      }
      return {
        ...base,
        expected: '删除该字段，或改为内容模型中的字段名（见 CONTENT-MODEL）',
        message: `未知字段「${field}」：内容模型中没有这个字段（是否拼写有误？）`,
        messageEn: `unknown field "${field}": not part of the content model (a typo?)`,
      };
    });
  }
  const info = fieldInfo(path);
  const field = formatPath(path);
  const value = valueAt(raw, path);
  const line = parsed.lineOf(path);
  if (issue.code === 'invalid_type' && value === undefined) {
    return [
      {
        file,
        line,
        field,
        label: info.label,
        value: null,
        expected: info.expected,
        message: `缺少必填字段 ${field}（${info.label}）`,
        messageEn: `required field ${field} is missing`,
      },
    ];
  }
  const params = (issue.code === 'custom' ? issue.params : undefined) as
    { en?: string; expected?: string } | undefined;
  const withInput = { ...issue, input: value } as never;
  return [
    {
      file,
      line,
      field,
      label: info.label,
      value: asText(value),
      expected: params?.expected ?? info.expected,
      message: `${info.label}：${issue.message || messageOf(zhCN(withInput))}`,
      messageEn: `${field}: ${params?.en ?? messageOf(en(withInput))}`,
    },
  ];
}

/** Parses and validates one notice's source text against the content model (single-file rules only). */
export function checkNoticeSource(
  source: string,
  file: string,
  schema: NoticeSchema,
  source_: NoticeModel | ModelSource,
): CheckedNotice {
  const model = asModel(source_);
  const parsed = parseNotice(source);
  if (parsed.data === null) {
    return {
      file,
      data: null,
      parsed,
      problems: parsed.errors.map((e) => ({
        // The line as written is the value found: the editor sees what the parser stumbled on.
        file,
        line: e.line,
        field: 'frontmatter',
        label: '文件头',
        value: e.line ? (source.split('\n')[e.line - 1] ?? null) : null,
        expected: '合法的 YAML「字段: 值」，以 --- 开始和结束',
        message: e.message,
        messageEn: 'the frontmatter is not valid YAML',
      })),
    };
  }
  const images = bodyImages(parsed.body, parsed.bodyLine);
  const draft = (parsed.data as { draft?: unknown }).draft;
  const bodyProblems = [
    ...(draft === true || draft === 'true' ? [] : bodyPlaceholderProblems(file, parsed)),
    ...imageTextProblems(file, images),
    ...scriptProblems(file, parsed),
    ...pastedTables(parsed.body, parsed.bodyLine).map((t) =>
      bodyProblem(file, t.from, {
        value: `第 ${t.from}–${t.to} 行（用 Tab 分隔）`,
        expected: t.markdown,
        message: `第 ${t.from}–${t.to} 行像是从 Excel 粘贴的表格（单元格之间是 Tab），发布后会挤成一段文字；请换成竖线表格（见「应为」，可直接复制）`,
        messageEn: `lines ${t.from}–${t.to} look like a table pasted from Excel (tab-separated); it would render as one paragraph — use a pipe table`,
      }),
    ),
  ];
  const result = schema.safeParse(parsed.data, { error: (iss) => zhCN(iss) });
  if (result.success)
    return {
      file,
      data: result.data,
      parsed,
      problems: bodyProblems,
      images,
      refs: refsOf(parsed.data),
    };
  const found = result.error.issues.flatMap((i) => problemsOfIssue(i, file, parsed.data, parsed));
  // A key written wrong (标题, index No) is named once: as the key to rename, not also as a missing field.
  const renamed = new Set(
    found.flatMap((p) => ('meant' in p ? [formatPath(p.meant as PropertyKey[])] : [])),
  );
  const problems: Problem[] = found
    .filter((p) => !(renamed.has(p.field) && p.value === null))
    .map((p) => {
      const { meant: _meant, ...rest } = p as Problem & { meant?: unknown };
      return rest;
    });
  // zod skips the relation rules when a field fails; run them here so every problem shows at once.
  for (const { path, failure } of relationFailures(parsed.data, model)) {
    const field = formatPath(path);
    if (problems.some((p) => p.field === field && p.message.endsWith(failure.zh))) continue;
    const issue = {
      code: 'custom',
      path,
      message: failure.zh,
      params: { en: failure.en, expected: failure.expected },
    };
    problems.push(...problemsOfIssue(issue as z.core.$ZodIssue, file, parsed.data, parsed));
  }
  return {
    file,
    data: null,
    parsed,
    problems: [...problems, ...bodyProblems],
    images,
    refs: refsOf(parsed.data),
  };
}

/** A notice written in traditional characters but not marked `lang: zh-Hant` (readers' browsers and screen readers would take it as simplified). */
function scriptProblems(file: string, parsed: ParsedNotice): Problem[] {
  const data = parsed.data as { lang?: unknown; title?: unknown };
  if (data.lang === 'zh-Hant') return [];
  const share = traditionalShare(
    `${typeof data.title === 'string' ? data.title : ''}\n${parsed.body}`,
  );
  if (share < TRADITIONAL_SHARE) return [];
  return [
    {
      file,
      line: parsed.lineOf(['lang']) ?? null,
      field: 'lang',
      label: '语种',
      value: typeof data.lang === 'string' ? data.lang : null,
      expected: 'zh-Hant',
      severity: 'warning',
      message: `正文是繁体字（开头约 ${Math.round(share * 100)}% 的汉字为繁体），但没有标注 lang: zh-Hant；请在文件头加上 lang: zh-Hant，读屏软件和浏览器才能正确朗读和显示`,
      messageEn: `the text is in traditional characters (about ${Math.round(share * 100)}% at its start) but lang is not zh-Hant`,
    },
  ];
}

/** A problem in the body of a notice, at a line of the file. */
function bodyProblem(
  file: string,
  line: number,
  rest: Pick<Problem, 'value' | 'expected' | 'message' | 'messageEn'>,
): Problem {
  return { file, line, field: 'body', label: '正文', ...rest };
}

/** Placeholder text left in the body of a notice that is to be published. */
function bodyPlaceholderProblems(file: string, parsed: ParsedNotice): Problem[] {
  return placeholderLines(parsed.body, parsed.bodyLine).map(({ line, value }) =>
    bodyProblem(file, line, {
      value,
      expected: '真实的正文内容（或保留 draft: true，暂不发布）',
      message: `第 ${line} 行仍是待填写的占位文字「${value}」，发布前请写好正文`,
      messageEn: `line ${line} of the body still holds the placeholder "${value}"`,
    }),
  );
}

/** Images without alternative text, or whose Markdown path has spaces (Markdown would show the text, not the image). */
function imageTextProblems(file: string, images: readonly BodyImage[]): Problem[] {
  const out: Problem[] = [];
  for (const img of images) {
    if (img.alt === '') {
      out.push(
        bodyProblem(file, img.line, {
          value: img.written,
          expected: '![图片内容的文字说明](/files/图片.png)',
          message: `图片「${img.url}」缺少替代文字：读屏软件的用户无法知道图片内容，请在 ![ ] 的方括号内（或 <图> 的 替代文字/说明）写明图片内容`,
          messageEn: `image "${img.url}" has no alternative text`,
        }),
      );
    }
    if (img.written.startsWith('!') && /\s/.test(img.url) && !img.written.includes('](<')) {
      out.push(
        bodyProblem(file, img.line, {
          value: img.written,
          expected: `![${img.alt || '说明'}](${img.url.replace(/\s/g, '%20')})`,
          message: `图片路径「${img.url}」中有空格，Markdown 不会把它显示为图片：请把空格改为 %20，或重命名文件`,
          messageEn: `image path "${img.url}" contains spaces; Markdown will not show it as an image`,
        }),
      );
    }
  }
  return out;
}
