import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../support/project-copy';
import { readReportData, reportTextProblems } from '../../src/lib/reports/report-data';
import { allReportProblems } from '../../src/lib/reports/report-files';
import { sectionThreeTable, tableCsv } from '../../src/lib/reports/report-tables';
import { sectionTwo } from '../../src/lib/reports/annual';
import { reportDueYear } from '../../src/lib/reports/audit';
import type { PublishedNoticeData } from '../../src/lib/model/notice-schema';

const FILE = 'src/content/reports/2024.yaml';
const SAMPLE = readFileSync(join(PROJECT_ROOT, FILE), 'utf8');
const SAMPLE_MD = readFileSync(join(PROJECT_ROOT, 'src/content/reports/2024.md'), 'utf8');
const lineOf = (text: string, start: string) =>
  text.split('\n').findIndex((l) => l.trimStart().startsWith(start)) + 1;
/** The sample data with one line's text replaced. */
const withLine = (from: string, to: string) => {
  expect(SAMPLE).toContain(from);
  return SAMPLE.replace(from, to);
};

describe('the annual report data file', () => {
  it('reads the sample: every row, the totals adding up', () => {
    const r = readReportData(SAMPLE, FILE);
    expect(r.problems).toEqual([]);
    expect(r.figures!.applications['不予公开.第三方合法权益']).toEqual([0, 1, 0, 0, 0, 0, 1]);
    expect(r.figures!.reviews.行政复议).toEqual([1, 0, 0, 0, 1]);
  });

  it('names a row whose 总计 is not the sum of its six columns, with the figures and the difference', () => {
    const text = withLine('予以公开: [3, 1, 0, 0, 1, 0, 5]', '予以公开: [3, 1, 0, 0, 1, 0, 7]');
    const problems = readReportData(text, FILE).problems;
    const row = problems.find((p) => p.field === '依申请公开.予以公开')!;
    expect(row).toMatchObject({
      file: FILE,
      line: lineOf(text, '予以公开:'),
      label: '（一）予以公开',
      value: '[3, 1, 0, 0, 1, 0, 7]',
    });
    expect(row.message).toBe(
      '「（一）予以公开」的总计应为前 6 列之和 3＋1＋0＋0＋1＋0＝5，填写的是 7（相差 2）',
    );
  });

  it('checks 本年新收 + 上年结转 = 办理结果总计 + 结转下年, column by column', () => {
    const text = withLine('上年结转: [1, 0, 0, 0, 0, 0, 1]', '上年结转: [1, 0, 0, 0, 0, 2, 3]');
    const problems = readReportData(text, FILE).problems.filter(
      (p) => p.field === '依申请公开.结转下年',
    );
    expect(problems.map((p) => p.message)).toEqual([
      '「其他」列：本年新收 0 ＋ 上年结转 2 ＝ 2，而办理结果总计 0 ＋ 结转下年 0 ＝ 0（相差 2）',
      '「总计」列：本年新收 8 ＋ 上年结转 3 ＝ 11，而办理结果总计 8 ＋ 结转下年 1 ＝ 9（相差 2）',
    ]);
    expect(problems[0]!.line).toBe(lineOf(text, '结转下年:'));
  });

  it('checks （七）总计 against the sum of every result row', () => {
    const text = withLine(
      '    重复申请: [0, 0, 0, 0, 0, 0, 0]',
      '    重复申请: [1, 0, 0, 0, 0, 0, 1]',
    );
    const messages = readReportData(text, FILE)
      .problems.filter((p) => p.field === '依申请公开.总计')
      .map((p) => p.message);
    expect(messages).toEqual([
      '「自然人」列：（七）总计应为（一）至（六）各行之和 6，填写的是 5（相差 1）',
      '「总计」列：（七）总计应为（一）至（六）各行之和 9，填写的是 8（相差 1）',
    ]);
  });

  it('checks each 复议/诉讼 group’s 总计', () => {
    const problems = readReportData(
      withLine('复议后起诉: [0, 0, 0, 0, 0]', '复议后起诉: [1, 1, 0, 0, 1]'),
      FILE,
    ).problems;
    expect(problems.map((p) => [p.field, p.message])).toEqual([
      [
        '复议诉讼.复议后起诉',
        '「行政诉讼：复议后起诉」的总计应为结果维持、结果纠正、其他结果、尚未审结之和 1＋1＋0＋0＝2，填写的是 1（相差 1）',
      ],
    ]);
  });

  it('names missing rows, wrong counts, words for numbers and unknown rows — every problem at once', () => {
    const text = SAMPLE.replace('  行政处罚: 0\n', '  行政处罚: 八\n')
      .replace('    国家秘密: [0, 0, 0, 0, 0, 0, 0]\n', '')
      .replace('  本年新收: [5, 2, 0, 0, 1, 0, 8]', '  本年新收: [5, 2, 0, 0, 1, 8]')
      .replace('  其他处理:\n', '  其它处理:\n    随便: [0, 0, 0, 0, 0, 0, 0]\n  其他处理:\n');
    const problems = readReportData(text, FILE).problems;
    expect(problems.map((p) => [p.field, p.message])).toEqual(
      expect.arrayContaining([
        ['主动公开.行政处罚', '二、主动公开「行政处罚」的本年处理决定数量应为整数'],
        ['依申请公开.不予公开.国家秘密', '「（三）不予公开 1.属于国家秘密」：缺少这一行'],
        ['依申请公开.本年新收', '「一、本年新收政府信息公开申请数量」：应有 7 个数，填写了 6 个'],
        ['依申请公开.其它处理', '三、依申请公开中不认识的行「其它处理」'],
      ]),
    );
    expect(problems.find((p) => p.field === '主动公开.行政处罚')).toMatchObject({
      line: lineOf(text, '行政处罚:'),
      value: '八',
    });
  });

  it('checks the Markdown: sections 一, 五, 六 under their headings, in order, none empty', () => {
    expect(reportTextProblems(SAMPLE_MD, 'r.md')).toEqual([]);
    const broken = SAMPLE_MD.replace('## 五、存在的主要问题及改进情况', '## 五、存在问题').replace(
      /## 六、其他需要报告的事项\n\n[\s\S]*$/,
      '## 六、其他需要报告的事项\n',
    );
    expect(reportTextProblems(broken, 'r.md').map((p) => p.message)).toEqual([
      '缺少「五、存在的主要问题及改进情况」部分（标题须写作「## 五、存在的主要问题及改进情况」）',
      '「六、其他需要报告的事项」下面没有内容',
    ]);
  });

  it('checks each year’s 上年结转 against the year before’s 结转下年', () => {
    const root = mkdtempSync(join(tmpdir(), 'gongkai-reports-'));
    try {
      mkdirSync(join(root, 'src/content/reports'), { recursive: true });
      for (const y of [2023, 2024]) {
        for (const ext of ['yaml', 'md'])
          writeFileSync(
            join(root, `src/content/reports/${y}.${ext}`),
            readFileSync(join(PROJECT_ROOT, `src/content/reports/${y}.${ext}`), 'utf8'),
          );
      }
      expect(allReportProblems(root)).toEqual([]);
      // 2023 carries 2 to 2024 (its 总计 and 结转下年 changed together, so 2023 adds up), 2024 says 1.
      const y2023 = readFileSync(join(root, 'src/content/reports/2023.yaml'), 'utf8');
      writeFileSync(
        join(root, 'src/content/reports/2023.yaml'),
        y2023
          .replace('予以公开: [2, 1, 0, 0, 0, 0, 3]', '予以公开: [1, 1, 0, 0, 0, 0, 2]')
          .replace('总计: [2, 1, 0, 0, 0, 0, 3]', '总计: [1, 1, 0, 0, 0, 0, 2]')
          .replace('结转下年: [1, 0, 0, 0, 0, 0, 1]', '结转下年: [2, 0, 0, 0, 0, 0, 2]'),
      );
      expect(allReportProblems(root).map((p) => [p.file, p.line, p.message])).toEqual([
        [
          'src/content/reports/2024.yaml',
          lineOf(SAMPLE, '上年结转:'),
          '2024 年的上年结转 [1, 0, 0, 0, 0, 0, 1] 与 2023 年报告的结转下年度继续办理 [2, 0, 0, 0, 0, 0, 2] 不一致',
        ],
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('section 二 counted from the notices', () => {
  const d = (o: Partial<PublishedNoticeData>) =>
    ({
      indexNo: String(Math.random()),
      docType: '行政规范性文件',
      issuer: '局',
      keywords: [],
      ...o,
    }) as unknown as PublishedNoticeData;
  const own = () => true;
  it('counts at the year’s end: a document replaced after it, or repealed after it, was still in force', () => {
    const old = d({ indexNo: 'old', date: '2020-01-01', validity: '失效' });
    const successor = d({
      date: '2024-06-01',
      effectiveFrom: '2024-07-01',
      validity: '有效',
      replaces: ['old'],
    });
    const repealed = d({ date: '2022-01-01', validity: '废止', repealedOn: '2024-03-01' });
    const expired = d({ date: '2021-01-01', validity: '有效', expiresOn: '2023-06-30' });
    const docs = [old, successor, repealed, expired];
    expect(
      sectionTwo(
        docs.map((x) => ({ ...x, publishedAt: `${x.date}T09:00:00+08:00` })),
        2023,
        own,
      )[1],
    ).toEqual({ docType: '行政规范性文件', issued: 0, repealed: 0, inForce: 2 });
    expect(
      sectionTwo(
        docs.map((x) => ({ ...x, publishedAt: `${x.date}T09:00:00+08:00` })),
        2024,
        own,
      )[1],
    ).toEqual({ docType: '行政规范性文件', issued: 1, repealed: 1, inForce: 1 });
  });
});

describe('the report tables', () => {
  it('name each figure by its row and column headers (headers=), and print as CSV with merged cells blank', () => {
    const t = sectionThreeTable(readReportData(SAMPLE, FILE).figures!.applications);
    const cell = t.body[2]!.find((c) => !c.th)!; // （一）予以公开, 自然人
    const names = cell
      .headers!.split(' ')
      .map((id) => [...t.head, ...t.body].flat().find((c) => c.id === id)!.text);
    expect(names).toEqual(['申请人情况', '自然人', '三、本年度办理结果', '（一）予以公开']);
    expect(tableCsv([t]).split('\r\n')[4]).toBe('一、本年新收政府信息公开申请数量,,,5,2,0,0,1,0,8');
  });
});

describe('the report is due', () => {
  it('by 31 January for the year before', () => {
    expect([reportDueYear('2025-01-31'), reportDueYear('2025-02-01')]).toEqual([2023, 2024]);
  });
});
