/**
 * npm run report [-- --year 2024] [--csv FILE] [--root DIR]   (default: the current year, Beijing time)
 * Statistics for the 主动公开政府信息情况 part of the annual report (also published at /reports/<year>/).
 */
import { siteConfigOrExit } from './lib/site-config-or-exit';
import { parseArgs } from 'node:util';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkNotices } from '../src/lib/content/project';
import { annualCsv, annualStatistics } from '../src/lib/reports/annual';
import { todayInBeijing } from '../src/lib/model/dates';

const { values } = parseArgs({ options: { year: { type: 'string' }, csv: { type: 'string' }, root: { type: 'string', default: '.' } } });
if (values.year !== undefined && !/^\d{4}$/.test(values.year)) {
  console.error(`年份「${values.year}」应为 4 位数字。用法：npm run report -- --year 2024 [--csv 输出文件]（不写 --year 时统计今年）`);
  process.exit(2);
}
const year = Number(values.year ?? todayInBeijing().slice(0, 4));
const root = resolve(values.root);
const config = await siteConfigOrExit(root);
const { notices } = await checkNotices(root, config);
const data = notices.map((n) => n.data).filter((d) => d !== null);
const s = annualStatistics(data, year, config.categories.map((c) => c.name), config.resultClasses);
console.log(`${year}年主动公开政府信息情况（${config.owner}）\n`);
console.log('信息内容（组配分类）\t本年新公开\t累计公开');
for (const r of s.byCategory) console.log(`${r.category}\t${r.count}\t${r.cumulative}`);
console.log(`合计\t${s.total}\t${s.byCategory.reduce((n, r) => n + r.cumulative, 0)}\n`);
console.log('发布机构\t本年新公开');
for (const r of s.byIssuer) console.log(`${r.issuer}\t${r.count}`);
console.log(`\n类型\t会议\t答复件数\t${s.resultClasses.map((c) => `${c.code}类`).join('\t')}\t未标注`);
for (const r of s.replies) console.log(`${r.kind === '建议' ? '人大代表建议' : '政协提案'}\t${r.session}\t${r.count}\t${r.byClass.join('\t')}\t${r.unclassified}`);
if (values.csv) {
  writeFileSync(values.csv, annualCsv(s));
  console.log(`\n已写入 ${values.csv}`);
}
