import { z } from 'astro/zod';
import { fieldInfo, formatPath } from '../model/fields';
import { relationFailures, type NoticeData, type NoticeSchema } from '../model/notice-schema';
import { parseNotice, type ParsedNotice } from './frontmatter';
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

/** Turns one zod issue into the problems an editor reads (an unknown-keys issue names each key). */
function problemsOfIssue(issue: z.core.$ZodIssue, file: string, raw: unknown, parsed: ParsedNotice): Problem[] {
  const path = issue.path as PropertyKey[];
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => {
      const full = [...path, key];
      const field = formatPath(full);
      return {
        file,
        line: parsed.lineOf(full),
        field,
        label: '未知字段',
        value: asText(valueAt(raw, full)),
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
    return [{
      file, line, field, label: info.label, value: null, expected: info.expected,
      message: `缺少必填字段 ${field}（${info.label}）`,
      messageEn: `required field ${field} is missing`,
    }];
  }
  const params = (issue.code === 'custom' ? issue.params : undefined) as { en?: string; expected?: string } | undefined;
  const withInput = { ...issue, input: value } as never;
  return [{
    file,
    line,
    field,
    label: info.label,
    value: asText(value),
    expected: params?.expected ?? info.expected,
    message: `${info.label}：${issue.message || messageOf(zhCN(withInput))}`,
    messageEn: `${field}: ${params?.en ?? messageOf(en(withInput))}`,
  }];
}

/** Parses and validates one notice's source text against the content model (single-file rules only). */
export function checkNoticeSource(
  source: string,
  file: string,
  schema: NoticeSchema,
  categories: readonly string[],
): CheckedNotice {
  const parsed = parseNotice(source);
  if (parsed.data === null) {
    return {
      file,
      data: null,
      parsed,
      problems: parsed.errors.map((e) => ({
        file, line: e.line, field: 'frontmatter', label: '文件头', value: null,
        expected: '合法的 YAML「字段: 值」，以 --- 开始和结束',
        message: e.message,
        messageEn: 'the frontmatter is not valid YAML',
      })),
    };
  }
  const result = schema.safeParse(parsed.data, { error: (iss) => zhCN(iss) });
  if (result.success) return { file, data: result.data, parsed, problems: [] };
  const problems = result.error.issues.flatMap((i) => problemsOfIssue(i, file, parsed.data, parsed));
  // zod skips the relation rules when a field fails; run them here so every problem shows at once.
  for (const { path, failure } of relationFailures(parsed.data, categories)) {
    const field = formatPath(path);
    if (problems.some((p) => p.field === field && p.message.endsWith(failure.zh))) continue;
    const issue = { code: 'custom', path, message: failure.zh, params: { en: failure.en, expected: failure.expected } };
    problems.push(...problemsOfIssue(issue as z.core.$ZodIssue, file, parsed.data, parsed));
  }
  return { file, data: null, parsed, problems };
}
