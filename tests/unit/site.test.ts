import { describe, expect, it } from 'vitest';
import { pageCount, pageNumbers, pageSlice } from '../../src/lib/site/pagination';
import { groupBy, neighbours } from '../../src/lib/site/notices';
import {
  fileFormat,
  firstSentence,
  formatBytes,
  formatDateTime,
  formatDateZh,
  leadBlocks,
} from '../../src/lib/site/format';
import fc from 'fast-check';
import { toCsv, toRecord } from '../../src/lib/site/open-data';
import { inMode, paths, stableSlug } from '../../src/lib/site/routes';
import { createNoticeSchema, type PublishedNoticeData } from '../../src/lib/model/notice-schema';
import { DEFAULT_CATEGORIES } from '../../src/lib/model/site-config';

describe('listings', () => {
  it('paginates by 20 with at least one page', () => {
    expect([pageCount(0), pageCount(20), pageCount(21)]).toEqual([1, 1, 2]);
    expect(pageSlice([...Array(45).keys()], 3)).toEqual([40, 41, 42, 43, 44]);
  });
  it('shows first, last and a window around the current page', () => {
    expect(pageNumbers(1, 3)).toEqual([1, 2, 3]);
    expect(pageNumbers(6, 12)).toEqual([1, null, 4, 5, 6, 7, 8, null, 12]);
  });
  it('groups keeping order, and finds neighbours', () => {
    expect([...groupBy(['a1', 'b1', 'a2'], (s) => s[0])]).toEqual([
      ['a', ['a1', 'a2']],
      ['b', ['b1']],
    ]);
    expect(neighbours([1, 2, 3], 0)).toEqual({ prev: undefined, next: 2 });
  });
});

describe('formats', () => {
  it('sizes, formats and dates', () => {
    expect([formatBytes(172), formatBytes(2048), formatBytes(3 * 1024 * 1024)]).toEqual([
      '172 B',
      '2.0 KB',
      '3.0 MB',
    ]);
    expect([fileFormat('/files/a.PDF'), fileFormat('b.docx'), fileFormat('c.ofd')]).toEqual([
      'PDF',
      'Word',
      'OFD',
    ]);
    expect(formatDateZh('2024-08-12')).toBe('2024年08月12日');
    expect([
      formatDateTime('2024-08-12T09:48:00+08:00'),
      formatDateTime('2024-08-12T00:00:00+08:00'),
    ]).toEqual(['2024-08-12 09:48', '2024-08-12']);
  });
  it('takes the first real sentence, skipping salutations, headings and tables', () => {
    expect(
      firstSentence(
        '冯观萍代表：\n\n您提出的建议收悉，现答复如下：\n\n## 一、工作\n\n近年来，越城区\\*认真贯彻。二是……',
      ),
    ).toBe('近年来，越城区认真贯彻。');
    expect(firstSentence('| a | b |\n| --- | --- |\n\n很长'.repeat(1), 3)).toBe('很长');
  });
  it('skips the letterhead, salutations, headings and numbered item titles (seed 002, 004)', () => {
    expect(
      firstSentence(
        '浙江省科学技术厅\n\n梁孝克代表：\n\n您提出的关于支持龙港市青龙湖科技城的建议收悉。该建议……',
      ),
    ).toBe('您提出的关于支持龙港市青龙湖科技城的建议收悉。');
    expect(
      firstSentence(
        '赵六代表：\n\n一、创新型城市方面\n\n1、提升企业创新能力。\n\n（一）加大投入\n\n今年以来，我局持续加大研发投入。',
      ),
    ).toBe('今年以来，我局持续加大研发投入。');
    // Nothing but short lines: the first of them rather than nothing.
    expect(firstSentence('浙江省科学技术厅\n\n一、总体情况')).toBe('浙江省科学技术厅');
  });
});

describe('routes', () => {
  it('gives every page a care twin and back', () => {
    expect(inMode(paths.notice('002482090/2024-00128'), 'care')).toBe(
      '/care/notices/002482090-2024-00128/',
    );
    expect(inMode('/', 'care')).toBe('/care/');
    expect(inMode('/', 'standard')).toBe('/');
    expect(paths.category('renda-jianyi', 2)).toBe('/categories/renda-jianyi/2/');
  });
  it('derives stable ASCII slugs from Chinese names', () => {
    expect(stableSlug('区科技局')).toBe(stableSlug('区科技局'));
    expect(stableSlug('区科技局')).not.toBe(stableSlug('省科技厅'));
    expect(stableSlug('区十届人大三次会议')).toMatch(/^[0-9a-z]{7}$/);
  });
});

describe('open data', () => {
  const schema = createNoticeSchema(DEFAULT_CATEGORIES.map((c) => c.name));
  const notice = schema.parse({
    title: '=HYPERLINK("x"),"引号"',
    indexNo: '002482090/2024-00128',
    category: '通知公告',
    issuer: '省科技厅',
    date: '2024-07-15',
    publishedAt: '2024-07-16T09:00:00+08:00',
  }) as PublishedNoticeData;
  it('writes CSV with BOM, CRLF, quoting, and formula cells defused', () => {
    const csv = toCsv([toRecord(notice, 'https://x/notices/1/')]);
    expect(csv.startsWith('\uFEFF索引号,标题,')).toBe(true);
    expect(csv).toContain('\r\n002482090/2024-00128,"\'=HYPERLINK(""x""),""引号""",通知公告');
    expect(csv.endsWith('\r\n')).toBe(true);
  });
});

describe('leadBlocks', () => {
  it('keeps exactly what firstSentence needs, on random Markdown (1,000 cases)', () => {
    const block = fc.constantFrom(
      '冯观萍代表：',
      '# 标题',
      '| a | b |\n| - | - |',
      '',
      '  ',
      '<提示>注意</提示>',
      '{/* c */}',
      '您的建议收悉。现答复如下',
      '第一句。第二句！',
      '[链接](/a)',
      '**粗体**文字',
      '\\\\*',
      '文字\n续行',
    );
    fc.assert(
      fc.property(
        fc.array(block, { maxLength: 8 }),
        fc.constantFrom('\n\n', '\n \n', '\n\n\n'),
        (blocks, sep) => {
          const md = blocks.join(sep);
          const lead = leadBlocks(md);
          expect(md.startsWith(lead)).toBe(true);
          expect(firstSentence(lead)).toBe(firstSentence(md));
        },
      ),
      { seed: 42, numRuns: 1000 },
    );
    expect(leadBlocks('冯观萍代表：\n\n您的建议收悉。\n\n第二段很长。')).toBe(
      '冯观萍代表：\n\n您的建议收悉。',
    );
  });
});
