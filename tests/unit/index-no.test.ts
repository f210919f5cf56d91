import { describe, expect, it } from 'vitest';
import { checkIndexNo, formatIndexNo, indexNoSlug, parseIndexNo } from '../../src/lib/model/index-no';

describe('索引号', () => {
  it('parses and formats both code forms', () => {
    expect(parseIndexNo('002482090/2024-00128')).toEqual({ code: '002482090', year: 2024, serial: '00128' });
    expect(formatIndexNo(parseIndexNo('11330602056860309P/2024-96040')!)).toBe('11330602056860309P/2024-96040');
  });
  it.each(['002482090/2024-00128', '11330602056860309P/2024-96040', '002482090/2024-1', '002482090/2024-123456'])('accepts %s', (v) => {
    expect(checkIndexNo(v)).toBeNull();
  });
  it.each([
    ['002482090-2024-00128', /格式不对/],
    ['002482090/2024/00128', /格式不对/],
    ['002482091/2024-00128', /校验位错误/],
    ['11330602056860309Q/2024-96040', /校验位错误/],
    ['00248209/2024-00128', /9 位组织机构代码或 18 位/],
    ['002482090/24-00128', /年份/],
    ['002482090/2024-1234567', /最多 6 位/],
    ['002482090/2024-', /格式不对/],
  ])('rejects %s', (v, message) => {
    expect(checkIndexNo(v)?.zh).toMatch(message);
  });
  it('suggests the corrected 索引号 for a wrong check digit', () => {
    expect(checkIndexNo('002482091/2024-00128')?.expected).toBe('002482090/2024-00128');
  });
  it('derives a stable URL slug', () => {
    expect(indexNoSlug('11330602056860309P/2024-96040')).toBe('11330602056860309P-2024-96040');
  });
});
