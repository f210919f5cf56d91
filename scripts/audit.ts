/**
 * npm run audit [-- --date YYYY-MM-DD] [--root DIR]
 * The inspection's checks over the content as of a date (default: today, Beijing time).
 * Exit 1 when any finding fails an inspection outright.
 */
import { siteConfigOrExit } from './lib/site-config-or-exit';
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { checkNotices } from '../src/lib/content/project';
import { checkCalendarDate, todayInBeijing } from '../src/lib/model/dates';
import { auditContent } from '../src/lib/reports/audit';

const { values } = parseArgs({ options: { date: { type: 'string' }, root: { type: 'string', default: '.' } } });
const asOf = values.date ?? todayInBeijing();
if (checkCalendarDate(asOf)) {
  console.error(`--date 应为 YYYY-MM-DD 的真实日期，发现「${asOf}」`);
  process.exit(2);
}
const root = resolve(values.root);
const config = await siteConfigOrExit(root);
const { notices, problems } = await checkNotices(root, config);
const findings = auditContent(notices, problems, config, asOf);
const fails = findings.filter((f) => f.severity === 'fail');
const warns = findings.filter((f) => f.severity === 'warn');
console.log(`政府信息公开自查（截至 ${asOf}，共 ${notices.length} 篇）\n`);
const sections: Array<[string, string]> = [
  ['empty-category', '空白栏目'],
  ['stale-category', '栏目未按时更新'],
  ['undated', '缺少有效日期'],
  ['attachment-missing', '附件无法下载'],
  ['late-publication', '超过 20 个工作日公开'],
  ['expired-in-force', '已过有效期仍标为有效'],
  ['late-interpretation', '政策解读晚于文件 3 个工作日以上'],
];
for (const [rule, title] of sections) {
  const list = findings.filter((f) => f.rule === rule);
  const level = list[0]?.severity === 'warn' ? '（提醒）' : '（单项否决）';
  console.log(`${list.length ? '✗' : '✓'} ${title}${list.length ? level : ''}：${list.length} 项`);
  for (const f of list) console.log(`    ${f.message}`);
}
console.log(`\n${fails.length ? `自查未通过：${fails.length} 项会导致检查不合格` : '自查通过：没有导致检查不合格的问题'}${warns.length ? `；另有 ${warns.length} 项提醒` : ''}。`);
console.log(`Audit: ${fails.length} failing, ${warns.length} warnings.`);
process.exitCode = fails.length ? 1 : 0;
