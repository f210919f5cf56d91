/**
 * npm run report [-- --year 2024] [--csv FILE] [--tables DIR] [--root DIR]   (default year: this one, Beijing time)
 * The year's 政府信息公开工作年度报告 in the template of 国办公开办函〔2021〕30号 when its files are
 * written (src/content/reports/<year>.yaml and .md; also published at /reports/<year>/): section 二
 * counted from the notices, 三 and 四 from the data file, checked. Then the year's publication
 * statistics by column, issuer and 会议. --csv writes the statistics; --tables the report's tables.
 */
import { siteConfigOrExit } from './lib/site-config-or-exit';
import { parseArgs } from 'node:util';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkNotices } from '../src/lib/content/project';
import { formatProblemsText } from '../src/lib/content/problem';
import { annualCsv, annualStatistics, ownDocument, sectionTwo } from '../src/lib/reports/annual';
import { reportProblems, REPORTS_DIR } from '../src/lib/reports/report-files';
import { reportTables, tableCsv, type ReportTable } from '../src/lib/reports/report-tables';
import { SECTION_TITLES } from '../src/lib/reports/template';
import { todayInBeijing } from '../src/lib/model/dates';

const { values } = parseArgs({
  options: {
    year: { type: 'string' },
    csv: { type: 'string' },
    tables: { type: 'string' },
    root: { type: 'string', default: '.' },
  },
});
if (values.year !== undefined && !/^\d{4}$/.test(values.year)) {
  console.error(
    `年份「${values.year}」应为 4 位数字。用法：npm run report -- --year 2024 [--csv 输出文件] [--tables 输出目录]（不写 --year 时统计今年）`,
  );
  process.exit(2);
}
const year = Number(values.year ?? todayInBeijing().slice(0, 4));
const root = resolve(values.root);
const config = await siteConfigOrExit(root);
const { notices } = await checkNotices(root, config);
const data = notices.map((n) => n.data).filter((d) => d !== null);

/** A table as tab-separated lines, spans left blank (as in the CSV). */
const printTable = (t: ReportTable) =>
  console.log(
    tableCsv([t])
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n')
      .map((l) => l.replace(/,/g, '\t'))
      .join('\n') + '\n',
  );

const report = reportProblems(root, year);
if (report.source) {
  const tables = reportTables(sectionTwo(data, year, ownDocument(config)), report.source.figures);
  console.log(`${config.owner}${year}年政府信息公开工作年度报告（国办公开办函〔2021〕30号格式）\n`);
  const text = (title: (typeof SECTION_TITLES)[number]) =>
    report
      .source!.sections[title as keyof typeof report.source.sections].replace(/<[^>]+>/g, '')
      .trim();
  const [one, two, three, four, five, six] = SECTION_TITLES;
  console.log(`${one}\n${text(one)}\n`);
  console.log(two);
  tables.two.forEach(printTable);
  console.log(three);
  printTable(tables.three);
  console.log(four);
  printTable(tables.four);
  console.log(`${five}\n${text(five)}\n\n${six}\n${text(six)}\n`);
  if (values.tables) {
    mkdirSync(values.tables, { recursive: true });
    const out: Array<[string, ReportTable[]]> = [
      ['section-2.csv', tables.two],
      ['section-3.csv', [tables.three]],
      ['section-4.csv', [tables.four]],
    ];
    for (const [name, t] of out) writeFileSync(join(values.tables, name), tableCsv(t));
    console.log(`已写入 ${out.map(([n]) => join(values.tables!, n)).join('、')}\n`);
  }
} else if (report.problems.some((p) => p.line !== null || p.field !== 'file')) {
  // Written but wrong: say what, as the check does.
  console.error(formatProblemsText(report.problems));
  console.error(`\n${year} 年度报告的文件有 ${report.problems.length} 处问题（见上）。`);
  process.exitCode = 1;
}

const s = annualStatistics(
  data,
  year,
  config.categories.map((c) => c.name),
  config.resultClasses,
);
console.log(`${year}年主动公开政府信息情况（${config.owner}）\n`);
console.log('信息内容（组配分类）\t本年新公开\t累计公开');
for (const r of s.byCategory) console.log(`${r.category}\t${r.count}\t${r.cumulative}`);
console.log(`合计\t${s.total}\t${s.byCategory.reduce((n, r) => n + r.cumulative, 0)}\n`);
console.log('发布机构\t本年新公开');
for (const r of s.byIssuer) console.log(`${r.issuer}\t${r.count}`);
console.log(
  `\n类型\t会议\t答复件数\t${s.resultClasses.map((c) => `${c.code}类`).join('\t')}\t未标注`,
);
for (const r of s.replies)
  console.log(
    `${r.kind === '建议' ? '人大代表建议' : '政协提案'}\t${r.session}\t${r.count}\t${r.byClass.join('\t')}\t${r.unclassified}`,
  );
if (values.csv) {
  writeFileSync(values.csv, annualCsv(s));
  console.log(`\n已写入 ${values.csv}`);
}
if (!report.source && !process.exitCode) {
  console.log(
    `\n${year} 年度报告还没有编写：在 ${REPORTS_DIR}/${year}.yaml 填写二、三、四部分的数据，在 ${year}.md 写一、五、六部分（格式见 README「年度报告」）。`,
  );
}
