import type { RuleResult } from './rule';

/**
 * Check digits of the two Chinese organisation identifiers an 索引号 may start with.
 *
 * GB 11714 organisation code (组织机构代码): 8 body characters from 0-9A-Z and a check character.
 * GB 32100 unified social credit code (统一社会信用代码): 17 body characters from a 31-character
 * alphabet and a check character; its characters 9–17 are themselves a GB 11714 code.
 */

const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
const ORG_BODY = /^[0-9A-Z]{8}$/;

/** 0-9 → 0-9, A → 10 … Z → 35 (GB 11714 assigns letters their position after the digits). */
function orgCharValue(ch: string): number {
  return parseInt(ch, 36);
}

/** The check character for an 8-character GB 11714 body, or null if the body has other characters. */
export function orgCodeCheckChar(body: string): string | null {
  if (!ORG_BODY.test(body)) return null;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += orgCharValue(body[i]!) * ORG_WEIGHTS[i]!;
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

export const CREDIT_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character for a 17-character GB 32100 body, or null if it has characters outside the alphabet. */
export function creditCodeCheckChar(body: string): string | null {
  if (body.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CREDIT_ALPHABET.indexOf(body[i]!);
    if (v < 0) return null;
    sum += v * CREDIT_WEIGHTS[i]!;
  }
  const c = 31 - (sum % 31);
  return CREDIT_ALPHABET[c === 31 ? 0 : c]!;
}

/** Validates a 9-character GB 11714 organisation code. */
export function checkOrgCode(code: string): RuleResult {
  if (code.length !== 9) {
    return {
      zh: `组织机构代码应为 9 位，发现 ${code.length} 位`,
      en: `an organisation code has 9 characters, found ${code.length}`,
    };
  }
  const body = code.slice(0, 8);
  const expected = orgCodeCheckChar(body);
  if (expected === null) {
    return {
      zh: `组织机构代码前 8 位只能是数字或大写字母，发现「${body}」`,
      en: `the first 8 characters of an organisation code must be digits or capital letters, found "${body}"`,
    };
  }
  if (code[8] !== expected) {
    return {
      zh: `组织机构代码「${code}」校验位错误：末位应为「${expected}」，发现「${code[8]}」`,
      en: `organisation code "${code}" has a wrong check digit: expected "${expected}", found "${code[8]}"`,
      expected: `${body}${expected}`,
    };
  }
  return null;
}

/** Validates an 18-character GB 32100 unified social credit code, including its embedded organisation code. */
export function checkCreditCode(code: string): RuleResult {
  if (code.length !== 18) {
    return {
      zh: `统一社会信用代码应为 18 位，发现 ${code.length} 位`,
      en: `a unified social credit code has 18 characters, found ${code.length}`,
    };
  }
  const body = code.slice(0, 17);
  const bad = [...code].find((ch) => !CREDIT_ALPHABET.includes(ch));
  if (bad !== undefined) {
    return {
      zh: `统一社会信用代码只能由数字和大写字母（不含 I、O、Z、S、V）组成，发现「${bad}」`,
      en: `a unified social credit code uses digits and capital letters except I, O, Z, S, V; found "${bad}"`,
    };
  }
  const expected = creditCodeCheckChar(body)!;
  if (code[17] !== expected) {
    return {
      zh: `统一社会信用代码「${code}」校验位错误：末位应为「${expected}」，发现「${code[17]}」`,
      en: `unified social credit code "${code}" has a wrong check digit: expected "${expected}", found "${code[17]}"`,
      expected: `${body}${expected}`,
    };
  }
  const embedded = code.slice(8, 17);
  const inner = checkOrgCode(embedded);
  if (inner) {
    return {
      zh: `统一社会信用代码第 9–17 位是组织机构代码「${embedded}」，其${inner.zh.replace(/^组织机构代码「[^」]*」/, '')}`,
      en: `characters 9–17 of the unified social credit code form organisation code "${embedded}": ${inner.en}`,
      ...(inner.expected
        ? { expected: code.slice(0, 8) + inner.expected + '（并重算第 18 位）' }
        : {}),
    };
  }
  return null;
}

/** An 索引号 starts with either kind of code; its length says which. */
export function checkOrganisationCode(code: string): RuleResult {
  if (code.length === 18) return checkCreditCode(code);
  if (code.length === 9) return checkOrgCode(code);
  return {
    zh: `机构代码「${code}」长度为 ${code.length} 位，应为 9 位组织机构代码或 18 位统一社会信用代码`,
    en: `organisation code "${code}" has ${code.length} characters; expected a 9-character organisation code or an 18-character unified social credit code`,
  };
}
