import type { RuleResult } from './rule';

/**
 * 文号 (GB/T 9704): issuing-organ abbreviation, the year in hexagonal brackets 〔〕, the serial, 号.
 * e.g. 浙科提〔2024〕297号. The serial carries no leading zeros (不编虚位) and no 第.
 */
const DOC_NO = /^(\S+?)〔(\d{4})〕([1-9]\d*)号$/;

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
  if (DOC_NO.test(value)) return null;
  for (const [pattern, name] of WRONG_BRACKETS) {
    if (pattern.test(value)) {
      const fixed = value.replace(pattern, '〔$1〕');
      return {
        zh: `文号「${value}」的年份用了${name}；按 GB/T 9704，年份应放在六角括号〔〕内`,
        en: `document number "${value}" puts the year in the wrong brackets; GB/T 9704 requires 〔 〕`,
        ...(DOC_NO.test(fixed) ? { expected: fixed } : {}),
      };
    }
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
  return {
    zh: `文号「${value}」格式不对，应为「机关代字〔年份〕序号号」`,
    en: `document number "${value}" is not of the form <organ abbreviation>〔<year>〕<serial>号`,
  };
}
