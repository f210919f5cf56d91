import { checkOrganisationCode } from './check-digits';
import type { RuleResult } from './rule';

/** 索引号: `<机构代码>/<year>-<serial>`. */
export interface IndexNo {
  code: string;
  year: number;
  serial: string;
}

const INDEX_NO = /^([^/\s]+)\/(\d+)-(\d+)$/;

export function parseIndexNo(value: string): IndexNo | null {
  const m = INDEX_NO.exec(value);
  if (!m) return null;
  return { code: m[1]!, year: Number(m[2]), serial: m[3]! };
}

export function formatIndexNo({ code, year, serial }: IndexNo): string {
  return `${code}/${year}-${serial}`;
}

/** Checks the form and both check digits of an 索引号 (its year against 发文日期 is checked with the whole notice). */
export function checkIndexNo(value: string): RuleResult {
  const m = INDEX_NO.exec(value);
  if (!m) {
    return {
      zh: `索引号「${value}」格式不对，应为「机构代码/年份-流水号」`,
      en: `index number "${value}" is not of the form <organisation code>/<year>-<serial>`,
    };
  }
  const [, code, year, serial] = m as unknown as [string, string, string, string];
  const codeProblem = checkOrganisationCode(code);
  if (codeProblem) {
    return {
      zh: `索引号的${codeProblem.zh}`,
      en: `index number: ${codeProblem.en}`,
      ...(codeProblem.expected ? { expected: `${codeProblem.expected}/${year}-${serial}` } : {}),
    };
  }
  if (year.length !== 4) {
    return { zh: `索引号中的年份「${year}」应为 4 位数字`, en: `the year "${year}" in the index number must have 4 digits` };
  }
  if (serial.length > 6) {
    return {
      zh: `索引号中的流水号「${serial}」有 ${serial.length} 位，最多 6 位`,
      en: `the serial "${serial}" in the index number has ${serial.length} digits; at most 6 are allowed`,
    };
  }
  return null;
}

/** URL slug of a notice: its 索引号 with `/` replaced; never changes because the 索引号 never does. */
export function indexNoSlug(indexNo: string): string {
  return indexNo.replace('/', '-');
}
