import { describe, expect, it } from 'vitest';
import {
  checkCreditCode,
  checkOrgCode,
  checkOrganisationCode,
  creditCodeCheckChar,
  orgCodeCheckChar,
} from '../../src/lib/model/check-digits';

describe('GB 11714 organisation code', () => {
  it('accepts the real code 002482090 (浙江省科学技术厅)', () => {
    expect(orgCodeCheckChar('00248209')).toBe('0');
    expect(checkOrgCode('002482090')).toBeNull();
  });
  it('computes X for a remainder of 1 and 0 for a remainder of 0', () => {
    // Search small bodies for the two special cases rather than trusting a hand calculation.
    const bodies = Array.from({ length: 2000 }, (_, i) => String(i).padStart(8, '0'));
    const sum = (b: string) =>
      [...b].reduce((s, ch, i) => s + parseInt(ch, 36) * [3, 7, 9, 10, 5, 8, 4, 2][i]!, 0);
    const x = bodies.find((b) => sum(b) % 11 === 1)!;
    const zero = bodies.find((b) => sum(b) % 11 === 0 && b !== '00000000')!;
    expect(orgCodeCheckChar(x)).toBe('X');
    expect(orgCodeCheckChar(zero)).toBe('0');
  });
  it('values letters A=10 … Z=35', () => {
    // 'A' in the first position weighs 3 × 10 = 30 → 30 mod 11 = 8 → check 3.
    expect(orgCodeCheckChar('A0000000')).toBe('3');
  });
  it.each(['002482091', '002482099', '002482A90'])('rejects the mutated code %s', (code) => {
    expect(checkOrgCode(code)).not.toBeNull();
  });
  it('002482X90 is valid too: X (33) at weight 4 adds 132, a multiple of 11', () => {
    expect(checkOrgCode('002482X90')).toBeNull();
  });
  it('rejects lowercase and other characters', () => {
    expect(checkOrgCode('00248209a')).not.toBeNull();
    expect(checkOrgCode('0024820-0')?.zh).toMatch(/数字或大写字母/);
  });
  it('names the expected check digit', () => {
    expect(checkOrgCode('002482091')?.expected).toBe('002482090');
  });
});

describe('GB 32100 unified social credit code', () => {
  it('accepts the real code 11330602056860309P (越城区科技局)', () => {
    expect(creditCodeCheckChar('11330602056860309')).toBe('P');
    expect(checkCreditCode('11330602056860309P')).toBeNull();
  });
  it.each(['11330602056860309Q', '11330602056860308P', '21330602056860309P'])(
    'rejects the mutated code %s',
    (code) => {
      expect(checkCreditCode(code)).not.toBeNull();
    },
  );
  it('rejects letters outside the alphabet (I, O, Z, S, V)', () => {
    expect(checkCreditCode('11330602056860309I')?.zh).toMatch(/I、O、Z、S、V/);
  });
  it('checks the embedded organisation code (characters 9–17) too', () => {
    const body = '1133060205686030' + '8';
    const code = body + creditCodeCheckChar(body);
    expect(checkCreditCode(code)?.zh).toMatch(/第 9–17 位/);
  });
  it('maps a remainder of 0 to check character 0', () => {
    const found = Array.from({ length: 5000 }, (_, i) => '9' + String(i).padStart(16, '0')).find(
      (b) => {
        const sum = [...b].reduce(
          (s, ch, i) =>
            s +
            '0123456789ABCDEFGHJKLMNPQRTUWXY'.indexOf(ch) *
              [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28][i]!,
          0,
        );
        return sum % 31 === 0;
      },
    )!;
    expect(creditCodeCheckChar(found)).toBe('0');
  });
});

describe('either code, chosen by length', () => {
  it('dispatches 9 and 18 characters, rejects other lengths', () => {
    expect(checkOrganisationCode('002482090')).toBeNull();
    expect(checkOrganisationCode('11330602056860309P')).toBeNull();
    expect(checkOrganisationCode('0024820900')?.zh).toMatch(
      /9 位组织机构代码或 18 位统一社会信用代码/,
    );
  });
});
