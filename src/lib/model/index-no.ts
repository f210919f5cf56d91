import { checkOrganisationCode } from './check-digits';
import { checkCalendarDate } from './dates';
import type { RuleResult } from './rule';

/**
 * 索引号 forms. Each office numbers its notices its own way; a site (or one issuer) states its form
 * as a pattern of parts and literal characters, e.g. `{code}/{year}-{serial}` (the default, used by
 * Zhejiang), `{code}-{year}-{serial}` (怒江), `{year}{month}{day}-{serial}` (齐齐哈尔),
 * `{code}/{year}{month}-{serial}` (宁国). The model is strict about the form it is given.
 */

export type IndexNoPart = 'code' | 'year' | 'month' | 'day' | 'serial';
type Token = { part: IndexNoPart } | { literal: string };

export const DEFAULT_INDEX_NO_FORMAT = '{code}/{year}-{serial}';

/** Names editors read in messages. */
const PART_NAMES: Record<IndexNoPart, string> = {
  code: '机构代码',
  year: '年份',
  month: '月份',
  day: '日',
  serial: '流水号',
};

/** Longest serial accepted (the national platform's serials have at most 6 digits). */
export const MAX_SERIAL_DIGITS = 6;

/** Strict shape of each part: what a valid 索引号 holds there. The code may be printed XXXXXXXX-X. */
const STRICT: Record<IndexNoPart, string> = {
  code: '[0-9A-Z]{18}|[0-9A-Z]{8}-?[0-9A-Z]',
  year: '\\d{4}',
  month: '\\d{2}',
  day: '\\d{2}',
  serial: `\\d{1,${MAX_SERIAL_DIGITS}}`,
};

/**
 * Loose shape of each part, to tell an editor which part is wrong rather than only "wrong form".
 * A numeric part next to another part (no literal between) keeps its width, or the split is ambiguous.
 */
const LOOSE: Record<IndexNoPart, string> = {
  code: '[^\\s]+?',
  year: '\\d+',
  month: '\\d+',
  day: '\\d+',
  serial: '\\d+',
};

export interface IndexNoFormat {
  pattern: string;
  tokens: readonly Token[];
  parts: readonly IndexNoPart[];
  strict: RegExp;
  loose: RegExp;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/** Problems with a format pattern itself (site configuration), in Chinese; empty when it is usable. */
export function indexNoFormatProblems(pattern: string): string[] {
  const problems: string[] = [];
  if (
    (pattern.match(/\{/g)?.length ?? 0) !== (pattern.match(/\}/g)?.length ?? 0) ||
    /\{[^}]*\{|\}[^{]*\}/.test(pattern)
  ) {
    return [
      `占位符的花括号 { } 没有成对（如 {serial 缺少 }），可用：{code} {year} {month} {day} {serial}`,
    ];
  }
  const names = [...pattern.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]!);
  for (const n of names)
    if (!(n in PART_NAMES))
      problems.push(`未知的占位符 {${n}}（可用：{code} {year} {month} {day} {serial}）`);
  for (const n of new Set(names))
    if (names.filter((x) => x === n).length > 1) problems.push(`占位符 {${n}} 出现了不止一次`);
  if (!names.includes('serial')) problems.push('缺少 {serial}（流水号）');
  if (names.includes('month') && !names.includes('year'))
    problems.push('有 {month} 时必须有 {year}');
  if (names.includes('day') && !names.includes('month')) problems.push('有 {day} 时必须有 {month}');
  if (/\{(?:code|serial)\}\{(?:code|serial)\}/.test(pattern))
    problems.push('{code} 与 {serial} 之间需要分隔符');
  if (/\s/.test(pattern)) problems.push('格式中不能有空格');
  return problems;
}

const compiled = new Map<string, IndexNoFormat>();

/** A format pattern made ready for parsing; throws on a pattern indexNoFormatProblems rejects. */
export function compileIndexNoFormat(pattern: string = DEFAULT_INDEX_NO_FORMAT): IndexNoFormat {
  const hit = compiled.get(pattern);
  if (hit) return hit;
  const problems = indexNoFormatProblems(pattern);
  if (problems.length) throw new Error(`索引号格式「${pattern}」有误：${problems.join('；')}`);
  const tokens: Token[] = [];
  for (const piece of pattern.split(/(\{[a-z]+\})/)) {
    if (!piece) continue;
    const part = /^\{([a-z]+)\}$/.exec(piece)?.[1] as IndexNoPart | undefined;
    tokens.push(part ? { part } : { literal: piece });
  }
  const regex = (shapes: Record<IndexNoPart, string>, fixedWhenAdjacent: boolean) =>
    new RegExp(
      '^' +
        tokens
          .map((t, i) => {
            if ('literal' in t) return escape(t.literal);
            const adjacent =
              (tokens[i - 1] && 'part' in tokens[i - 1]!) ||
              (tokens[i + 1] && 'part' in tokens[i + 1]!);
            const shape =
              fixedWhenAdjacent && adjacent && t.part !== 'code' && t.part !== 'serial'
                ? STRICT[t.part]
                : shapes[t.part];
            return `(?<${t.part}>${shape})`;
          })
          .join('') +
        '$',
    );
  const format: IndexNoFormat = {
    pattern,
    tokens,
    parts: tokens.flatMap((t) => ('part' in t ? [t.part] : [])),
    strict: regex(STRICT, false),
    loose: regex(LOOSE, true),
  };
  compiled.set(pattern, format);
  return format;
}

/** What an 索引号 holds; a part the form lacks is absent. */
export interface IndexNoParts {
  code?: string;
  year?: number;
  month?: number;
  day?: number;
  serial: string;
}

function partsOf(groups: Record<string, string | undefined>): IndexNoParts {
  return {
    ...(groups.code !== undefined ? { code: groups.code } : {}),
    ...(groups.year !== undefined ? { year: Number(groups.year) } : {}),
    ...(groups.month !== undefined ? { month: Number(groups.month) } : {}),
    ...(groups.day !== undefined ? { day: Number(groups.day) } : {}),
    serial: groups.serial!,
  };
}

/** The parts of an 索引号 in the given form (default `{code}/{year}-{serial}`), or null if it is not of that form. */
export function parseIndexNo(
  value: string,
  format: IndexNoFormat | string = DEFAULT_INDEX_NO_FORMAT,
): IndexNoParts | null {
  const f = typeof format === 'string' ? compileIndexNoFormat(format) : format;
  const m = f.strict.exec(value);
  return m ? partsOf(m.groups!) : null;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** An 索引号 of the given form from its parts. */
export function formatIndexNo(
  parts: IndexNoParts,
  format: IndexNoFormat | string = DEFAULT_INDEX_NO_FORMAT,
): string {
  const f = typeof format === 'string' ? compileIndexNoFormat(format) : format;
  return f.tokens
    .map((t) => {
      if ('literal' in t) return t.literal;
      if (t.part === 'code') return parts.code ?? '';
      if (t.part === 'year') return String(parts.year ?? '');
      if (t.part === 'month') return parts.month === undefined ? '' : pad2(parts.month);
      if (t.part === 'day') return parts.day === undefined ? '' : pad2(parts.day);
      return parts.serial;
    })
    .join('');
}

/** The form in words, e.g. 机构代码/年份-流水号; a date written together reads 年月日 (8 位). */
export function describeIndexNoFormat(format: IndexNoFormat | string): string {
  const f = typeof format === 'string' ? compileIndexNoFormat(format) : format;
  return f.tokens
    .map((t) => ('literal' in t ? t.literal : PART_NAMES[t.part]))
    .join('')
    .replace('年份月份日', '年月日（8 位）')
    .replace('年份月份', '年月（6 位）');
}

/** The rules one issuer's 索引号 follow. */
export interface IndexNoRules {
  format: IndexNoFormat;
  /** The issuer's configured code: the 索引号 must carry it. */
  code?: string;
  /** The issuer's name, for messages. */
  issuer?: string;
  /** false: a published code whose check digit fails is accepted (site configuration says why). */
  checkDigit: boolean;
}

export const DEFAULT_INDEX_NO_RULES: IndexNoRules = {
  format: compileIndexNoFormat(),
  checkDigit: true,
};

/** A code as printed `XXXXXXXX-X` compares as its 9 characters. */
export const plainCode = (code: string) => code.replace('-', '');

/** An example 索引号 for these rules, for messages: the issuer's code (or a stand-in no one could copy), 2024-08-12, serial 00001. */
export function exampleIndexNo(
  rules: IndexNoRules,
  when = { year: 2024, month: 8, day: 12 },
): string {
  return formatIndexNo(
    { code: rules.code ?? '〈本机构代码〉', ...when, serial: '00001' },
    rules.format,
  );
}

/** The form expected, in words with an example, for messages. */
export function expectedIndexNo(rules: IndexNoRules): string {
  const who = rules.issuer ? `「${rules.issuer}」的` : '';
  return `${who}索引号格式「${describeIndexNoFormat(rules.format)}」（${rules.format.pattern}），如 ${exampleIndexNo(rules)}`;
}

/**
 * Checks an 索引号 against its issuer's form: each part's shape, the code's check digits (unless
 * switched off) and that it is the issuer's own code, a real month and day. Its year against 发文日期
 * and 发布日期 is checked with the whole notice (checkIndexNoYear).
 */
export function checkIndexNo(
  value: string,
  rules: IndexNoRules = DEFAULT_INDEX_NO_RULES,
): RuleResult {
  const { format } = rules;
  // Full-width characters typed with a Chinese input method: ／ for /, －, ０–９, Ａ–Ｚ.
  const narrow = value.normalize('NFKC');
  if (narrow !== value) {
    const wide = [...value].find((ch) => ch.normalize('NFKC') !== ch)!;
    return {
      zh: `索引号中有全角字符「${wide}」，应为半角「${wide.normalize('NFKC')}」`,
      en: `the index number contains the full-width character "${wide}"; use "${wide.normalize('NFKC')}"`,
      expected: narrow,
    };
  }
  const strict = format.strict.exec(value);
  const loose = strict ?? format.loose.exec(value);
  const form = `应为${expectedIndexNo(rules)}`;
  if (!loose) {
    return {
      zh: `索引号「${value}」格式不对，${form}`,
      en: `index number "${value}" is not of the form ${format.pattern}`,
      expected: expectedIndexNo(rules),
    };
  }
  const g = loose.groups!;
  if (g.year !== undefined && g.year.length !== 4) {
    return {
      zh: `索引号中的年份「${g.year}」应为 4 位数字，${form}`,
      en: `the year "${g.year}" in the index number must have 4 digits`,
      expected: expectedIndexNo(rules),
    };
  }
  if (g.serial!.length > MAX_SERIAL_DIGITS) {
    return {
      zh: `索引号中的流水号「${g.serial}」有 ${g.serial!.length} 位，最多 ${MAX_SERIAL_DIGITS} 位`,
      en: `the serial "${g.serial}" in the index number has ${g.serial!.length} digits; at most ${MAX_SERIAL_DIGITS} are allowed`,
      expected: expectedIndexNo(rules),
    };
  }
  if (g.month !== undefined || g.day !== undefined) {
    const day = `${g.year}-${g.month ?? '01'}-${g.day ?? '01'}`;
    if (
      g.month?.length !== 2 ||
      (g.day !== undefined && g.day.length !== 2) ||
      checkCalendarDate(day)
    ) {
      return {
        zh: `索引号中的日期「${g.year}${g.month ?? ''}${g.day ?? ''}」不存在或位数不对（月、日各 2 位）`,
        en: `the date "${g.year}${g.month ?? ''}${g.day ?? ''}" in the index number does not exist`,
        expected: expectedIndexNo(rules),
      };
    }
  }
  if (g.code !== undefined) {
    const code = plainCode(g.code);
    const problem = rules.checkDigit ? checkOrganisationCode(code) : codeShapeProblem(code);
    if (problem) {
      const fixed =
        problem.expected && /^[0-9A-Z]+$/.test(problem.expected)
          ? formatIndexNo({ ...partsOf(g), code: problem.expected }, format)
          : undefined;
      return {
        zh: `索引号的${problem.zh}`,
        en: `index number: ${problem.en}`,
        expected: fixed ?? expectedIndexNo(rules),
      };
    }
    if (rules.code && code !== plainCode(rules.code)) {
      return {
        zh: `索引号中的机构代码「${g.code}」不是发布机构「${rules.issuer}」的代码「${rules.code}」（见站点配置 issuers）`,
        en: `the code "${g.code}" in the index number is not the code ${rules.code} of issuer "${rules.issuer}"`,
        expected: formatIndexNo({ ...partsOf(g), code: rules.code }, format),
      };
    }
  }
  if (!strict) {
    return {
      zh: `索引号「${value}」格式不对，${form}`,
      en: `index number "${value}" is not of the form ${format.pattern}`,
      expected: expectedIndexNo(rules),
    };
  }
  return null;
}

/** With check digits off, a code still has 9 or 18 digits and capital letters. */
export function codeShapeProblem(code: string): RuleResult {
  if (/^(?:[0-9A-Z]{9}|[0-9A-Z]{18})$/.test(code)) return null;
  return {
    zh: `机构代码「${code}」应为 9 位组织机构代码或 18 位统一社会信用代码（数字和大写字母）`,
    en: `organisation code "${code}" must be 9 or 18 digits and capital letters`,
  };
}

/**
 * The 索引号's year equals the year of 发文日期 or of 发布日期 (a notice numbered when it went
 * public may carry that year). Null when the form has no year or the value does not parse.
 */
export function checkIndexNoYear(
  value: string,
  rules: IndexNoRules,
  date: string | undefined,
  publishedAt: string | undefined,
): RuleResult {
  const parts = parseIndexNo(value, rules.format);
  if (!parts || parts.year === undefined || !date) return null;
  const years = [
    Number(date.slice(0, 4)),
    ...(publishedAt ? [Number(publishedAt.slice(0, 4))] : []),
  ];
  if (years.includes(parts.year)) return null;
  const allowed = [...new Set(years)].join(' 或 ');
  return {
    zh: `索引号中的年份 ${parts.year} 与发文日期 ${date}${publishedAt ? `、发布日期 ${publishedAt.slice(0, 10)}` : ''} 的年份不一致，应为 ${allowed}`,
    en: `the index number's year ${parts.year} is neither the year of date ${date}${publishedAt ? ` nor of publishedAt ${publishedAt}` : ''}`,
    expected: formatIndexNo({ ...parts, year: years[0]! }, rules.format),
  };
}

/** URL slug of a notice: its 索引号 with `/` replaced; never changes because the 索引号 never does. */
export function indexNoSlug(indexNo: string): string {
  return indexNo.replaceAll('/', '-');
}
