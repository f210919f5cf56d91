import { describe, expect, it } from 'vitest';
import {
  checkIndexNo,
  checkIndexNoYear,
  compileIndexNoFormat,
  describeIndexNoFormat,
  exampleIndexNo,
  formatIndexNo,
  indexNoFormatProblems,
  indexNoSlug,
  parseIndexNo,
  type IndexNoRules,
} from '../../src/lib/model/index-no';
import { noticeModel } from '../../src/lib/model/notice-model';

const rules = (format: string, extra: Partial<IndexNoRules> = {}): IndexNoRules => ({
  format: compileIndexNoFormat(format),
  checkDigit: true,
  ...extra,
});

describe('索引号 in the default form {code}/{year}-{serial}', () => {
  it('parses and formats both code forms', () => {
    expect(parseIndexNo('002482090/2024-00128')).toEqual({
      code: '002482090',
      year: 2024,
      serial: '00128',
    });
    expect(formatIndexNo(parseIndexNo('11330602056860309P/2024-96040')!)).toBe(
      '11330602056860309P/2024-96040',
    );
  });
  it.each([
    '002482090/2024-00128',
    '11330602056860309P/2024-96040',
    '002482090/2024-1',
    '002482090/2024-123456',
    '00248209-0/2024-00128',
  ])('accepts %s', (v) => {
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

describe('索引号 form patterns', () => {
  it('reads every part and keeps literal separators', () => {
    const f = compileIndexNoFormat('{code}/{year}{month}-{serial}');
    expect(f.parts).toEqual(['code', 'year', 'month', 'serial']);
    expect(parseIndexNo('11341702486344515H/202110-00013', f)).toEqual({
      code: '11341702486344515H',
      year: 2021,
      month: 10,
      serial: '00013',
    });
    expect(parseIndexNo('20191202-189769', '{year}{month}{day}-{serial}')).toEqual({
      year: 2019,
      month: 12,
      day: 2,
      serial: '189769',
    });
    expect(parseIndexNo('01527918X-2020-153077', '{code}-{year}-{serial}')).toEqual({
      code: '01527918X',
      year: 2020,
      serial: '153077',
    });
    // A literal separator is required as written: '/' is not '-'.
    expect(parseIndexNo('01527918X/2020-153077', '{code}-{year}-{serial}')).toBeNull();
    expect(parseIndexNo('2019-12-02-189769', '{year}{month}{day}-{serial}')).toBeNull();
  });
  it('formats back to the same text, zero-padding month and day', () => {
    for (const [format, value] of [
      ['{code}/{year}{month}-{serial}', '11341702486344515H/202110-00013'],
      ['{year}{month}{day}-{serial}', '20190302-189769'],
      ['{code}-{year}-{serial}', '01527918X-2020-153077'],
    ] as const) {
      expect(formatIndexNo(parseIndexNo(value, format)!, format)).toBe(value);
    }
  });
  it('describes a form in words, with an example carrying the issuer’s code', () => {
    expect(describeIndexNoFormat('{code}/{year}{month}-{serial}')).toBe(
      '机构代码/年月（6 位）-流水号',
    );
    expect(describeIndexNoFormat('{year}{month}{day}-{serial}')).toBe('年月日（8 位）-流水号');
    expect(exampleIndexNo(rules('{code}/{year}-{serial}'))).toBe('〈本机构代码〉/2024-00001');
    expect(exampleIndexNo(rules('{code}-{year}-{serial}', { code: '01527918X' }))).toBe(
      '01527918X-2024-00001',
    );
    expect(exampleIndexNo(rules('{year}{month}{day}-{serial}'))).toBe('20240812-00001');
  });
  it('refuses unusable patterns, saying why', () => {
    expect(indexNoFormatProblems('{code}/{year}')).toEqual(['缺少 {serial}（流水号）']);
    expect(indexNoFormatProblems('{code}/{yr}-{serial}')[0]).toMatch(/未知的占位符 \{yr\}/);
    expect(indexNoFormatProblems('{month}-{serial}')).toEqual(['有 {month} 时必须有 {year}']);
    expect(indexNoFormatProblems('{year}{day}-{serial}')).toEqual(['有 {day} 时必须有 {month}']);
    expect(indexNoFormatProblems('{code}{serial}')).toEqual(['{code} 与 {serial} 之间需要分隔符']);
    expect(indexNoFormatProblems('{serial}-{serial}')[0]).toMatch(/不止一次/);
    expect(() => compileIndexNoFormat('{code}/{year}')).toThrow(
      /索引号格式「\{code\}\/\{year\}」有误/,
    );
  });
  it('checks month and day are real', () => {
    const r = rules('{year}{month}{day}-{serial}');
    expect(checkIndexNo('20191202-189769', r)).toBeNull();
    expect(checkIndexNo('20190230-189769', r)?.zh).toMatch(/日期「20190230」不存在/);
    expect(checkIndexNo('20191302-189769', r)?.zh).toMatch(/不存在/);
    expect(
      checkIndexNo('11341702486344515H/202113-00013', rules('{code}/{year}{month}-{serial}'))?.zh,
    ).toMatch(/不存在/);
  });
  it('a wrong form names the issuer’s form with an example', () => {
    const r = rules('{code}-{year}-{serial}', { code: '01527918X', issuer: '怒江州科技局' });
    const failure = checkIndexNo('01527918X/2020-153077', r)!;
    expect(failure.zh).toBe(
      '索引号「01527918X/2020-153077」格式不对，应为「怒江州科技局」的索引号格式「机构代码-年份-流水号」（{code}-{year}-{serial}），如 01527918X-2024-00001',
    );
  });
});

describe('the issuer’s code and check digits', () => {
  it('the code must be the issuer’s configured code', () => {
    const r = rules('{code}/{year}-{serial}', { code: '11330602056860309P', issuer: '区科技局' });
    expect(checkIndexNo('11330602056860309P/2024-00001', r)).toBeNull();
    const f = checkIndexNo('002482090/2024-00001', r)!;
    expect(f.zh).toMatch(
      /机构代码「002482090」不是发布机构「区科技局」的代码「11330602056860309P」/,
    );
    expect(f.expected).toBe('11330602056860309P/2024-00001');
  });
  it('a code printed XXXXXXXX-X is the same code', () => {
    expect(
      checkIndexNo(
        '00248209-0/2024-00001',
        rules('{code}/{year}-{serial}', { code: '002482090', issuer: '省科技厅' }),
      ),
    ).toBeNull();
  });
  it('with check digits on, a published code whose check digit fails is refused; off, it passes but keeps its shape', () => {
    // 大同: 035200039 is printed on the site, though GB 11714 gives 7 as its check digit.
    expect(checkIndexNo('035200039/2025-00012', rules('{code}/{year}-{serial}'))?.zh).toMatch(
      /校验位错误：末位应为「7」/,
    );
    const off = rules('{code}/{year}-{serial}', {
      code: '035200039',
      issuer: '大同市科技局',
      checkDigit: false,
    });
    expect(checkIndexNo('035200039/2025-00012', off)).toBeNull();
    expect(checkIndexNo('03520003/2025-00012', off)?.zh).toMatch(/9 位组织机构代码或 18 位/);
    expect(checkIndexNo('035200038/2025-00012', off)?.zh).toMatch(
      /不是发布机构「大同市科技局」的代码/,
    );
  });
  it('the real forms of four offices pass with their own configuration', () => {
    const model = noticeModel({
      categories: [{ name: '通知公告' }],
      indexNoFormat: '{code}/{year}-{serial}',
      issuers: [
        { name: '怒江州科技局', code: '01527918X', indexNoFormat: '{code}-{year}-{serial}' },
        { name: '齐齐哈尔市科技局', indexNoFormat: '{year}{month}{day}-{serial}' },
        {
          name: '宁国市科技局',
          code: '11341702486344515H',
          indexNoFormat: '{code}/{year}{month}-{serial}',
        },
        { name: '大同市科技局', code: '035200039', checkDigit: false },
      ],
    });
    expect(checkIndexNo('01527918X-2020-153077', model.indexNoRules('怒江州科技局'))).toBeNull();
    expect(checkIndexNo('20191202-189769', model.indexNoRules('齐齐哈尔市科技局'))).toBeNull();
    expect(
      checkIndexNo('11341702486344515H/202110-00013', model.indexNoRules('宁国市科技局')),
    ).toBeNull();
    expect(checkIndexNo('035200039/2025-00012', model.indexNoRules('大同市科技局'))).toBeNull();
    // Each in another office's form is refused.
    expect(
      checkIndexNo('01527918X-2020-153077', model.indexNoRules('大同市科技局')),
    ).not.toBeNull();
  });
});

describe('the 索引号 year', () => {
  const r = rules('{code}/{year}-{serial}');
  it('equals the year of 发文日期 or of 发布日期', () => {
    expect(
      checkIndexNoYear('002482090/2024-00001', r, '2024-12-30', '2025-01-03T09:00:00+08:00'),
    ).toBeNull();
    expect(
      checkIndexNoYear('002482090/2025-00001', r, '2024-12-30', '2025-01-03T09:00:00+08:00'),
    ).toBeNull();
    const f = checkIndexNoYear(
      '002482090/2023-00001',
      r,
      '2024-12-30',
      '2025-01-03T09:00:00+08:00',
    )!;
    expect(f.zh).toMatch(
      /年份 2023 与发文日期 2024-12-30、发布日期 2025-01-03 的年份不一致，应为 2024 或 2025/,
    );
    expect(f.expected).toBe('002482090/2024-00001');
  });
  it('is not compared when the form has no year', () => {
    expect(
      checkIndexNoYear('01527918X-153077', rules('{code}-{serial}'), '2024-01-01', undefined),
    ).toBeNull();
  });
});
