import type { RuleResult } from './rule';

/**
 * 文号 (GB/T 9704): issuing-organ abbreviation, the year in hexagonal brackets 〔〕, the serial, 号.
 * e.g. 浙科提〔2024〕297号. The serial carries no leading zeros (不编虚位) and no 第.
 */
const DOC_NO = /^(\S+?)〔(\d{4})〕([1-9]\d*)号$/;
/** 规章 are numbered by the government's order: 国务院令第711号, 广州市人民政府令第134号. */
const ORDER_NO = /^(\S+?)令第([1-9]\d*)号$/;
/** 公告 of some agencies: 国家税务总局公告2023年第1号. */
const ANNOUNCEMENT_NO = /^(\S+?)公告(\d{4})年第([1-9]\d*)号$/;

export type DocNoForm = 'GB/T 9704' | '令' | '公告';

/** Which of the three forms a valid 文号 has (null: none). */
export function docNoForm(value: string): DocNoForm | null {
  if (DOC_NO.test(value)) return 'GB/T 9704';
  if (ORDER_NO.test(value)) return '令';
  if (ANNOUNCEMENT_NO.test(value)) return '公告';
  return null;
}

/** The three forms, for messages. */
export const DOC_NO_FORMS =
  '机关代字〔年份〕序号号（如 浙科提〔2024〕297号）；规章：…令第N号（如 国务院令第711号）；公告：…公告YYYY年第N号（如 国家税务总局公告2023年第1号）';

/** A year bracket other than 〔〕 turned into 〔〕 (the importer's repair); null when there is none to turn. */
export function normalizeDocNoBrackets(value: string): string | null {
  return wrongBracket(value)?.fixed ?? null;
}

/** The wrong year bracket a 文号 uses, named, and the 文号 with 〔〕 instead when that is a valid one. */
function wrongBracket(value: string): { name: string; fixed: string | null } | null {
  const hit = WRONG_BRACKETS.find(([pattern]) => pattern.test(value));
  if (!hit) return null;
  const fixed = value.replace(hit[0], '〔$1〕');
  return { name: hit[1], fixed: DOC_NO.test(fixed) ? fixed : null };
}

/** Year brackets editors commonly type instead of 〔〕, with how to name them. */
const WRONG_BRACKETS: Array<[RegExp, string]> = [
  [/\[(\d{4})\]/, '方括号 [ ]'],
  [/［(\d{4})］/, '全角方括号 ［ ］'],
  [/\((\d{4})\)/, '圆括号 ( )'],
  [/（(\d{4})）/, '全角圆括号 （ ）'],
  [/【(\d{4})】/, '实心方头括号 【 】'],
  [/〖(\d{4})〗/, '空心方头括号 〖 〗'],
  [/\{(\d{4})\}/, '花括号 { }'],
];

export function checkDocNo(value: string): RuleResult {
  if (docNoForm(value)) return null;
  const bracket = wrongBracket(value);
  if (bracket) {
    return {
      zh: `文号「${value}」的年份用了${bracket.name}；按 GB/T 9704，年份应放在六角括号〔〕内（如 浙科提〔2024〕297号）`,
      en: `document number "${value}" puts the year in the wrong brackets; GB/T 9704 requires 〔 〕`,
      ...(bracket.fixed ? { expected: bracket.fixed } : {}),
    };
  }
  const loose = /^(\S+?)〔(\d{4})〕(第?)(\d+)号$/.exec(value);
  if (loose) {
    const serial = String(Number(loose[4]));
    return {
      zh: `文号「${value}」的序号应不加「第」、不编虚位（不补 0）`,
      en: `document number "${value}": the serial takes no 第 and no leading zeros`,
      expected: `${loose[1]}〔${loose[2]}〕${serial}号`,
    };
  }
  const order = /^(\S+?)令\s*第?\s*0*(\d+)\s*号$/.exec(value);
  if (order) {
    return {
      zh: `文号「${value}」应写成「${order[1]}令第${Number(order[2])}号」`,
      en: `document number "${value}": an order is numbered <organ>令第N号`,
      expected: `${order[1]}令第${Number(order[2])}号`,
    };
  }
  return {
    zh: `文号「${value}」格式不对，应为以下之一：${DOC_NO_FORMS}`,
    en: `document number "${value}" is not of the form <organ abbreviation>〔<year>〕<serial>号, <organ>令第N号 or <organ>公告YYYY年第N号`,
    expected: DOC_NO_FORMS,
  };
}
