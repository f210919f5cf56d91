/**
 * npm run audit [-- --date YYYY-MM-DD] [--root DIR]
 * The inspection of government websites (国办秘函〔2019〕19号) over the content as of a date
 * (default: today, Beijing time), as a score sheet. Exit 1 on any 单项否决 condition.
 */
import { siteConfigOrExit } from './lib/site-config-or-exit';
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { checkNotices } from '../src/lib/content/project';
import { checkCalendarDate, todayInBeijing } from '../src/lib/model/dates';
import {
  auditContent,
  auditScore,
  COLUMN_VETO,
  HOME_PAGE_DAYS,
  type AuditRule,
} from '../src/lib/reports/audit';
import { reportProblems, reportSourceYears } from '../src/lib/reports/report-files';

const { values } = parseArgs({
  options: { date: { type: 'string' }, root: { type: 'string', default: '.' } },
});
const asOf = values.date ?? todayInBeijing();
if (checkCalendarDate(asOf)) {
  console.error(`--date 应为 YYYY-MM-DD 的真实日期，发现「${asOf}」`);
  process.exit(2);
}
const root = resolve(values.root);
const config = await siteConfigOrExit(root);
const { notices, problems } = await checkNotices(root, config);
// A report counts as published when both its files are written and pass the check.
const reports = new Set(reportSourceYears(root).filter((y) => reportProblems(root, y).source));
const findings = auditContent(notices, problems, config, asOf, reports);
const fails = findings.filter((f) => f.severity === 'fail');
const warns = findings.filter((f) => f.severity === 'warn');
const score = auditScore(findings);

const sheet: Array<[string, Array<[AuditRule, string]>]> = [
  [
    '一、单项否决（出现任意一项即不合格）',
    [
      ['home-stale', `首页 ${HOME_PAGE_DAYS} 天内没有更新`],
      ['stale-columns', `动态、通知公告、政策文件类栏目未按时更新达到 ${COLUMN_VETO} 个`],
      ['empty-columns', `空白栏目达到 ${COLUMN_VETO} 个`],
      ['expired-in-force', '信息错误：已过有效期的文件仍标为有效'],
      ['report-missing', '未按时公开政府信息公开工作年度报告（每年 1 月 31 日前）'],
    ],
  ],
  [
    '二、扣分（满分 100 分）',
    [
      ['stale-category', '栏目未按时更新'],
      ['empty-category', '空白栏目'],
      ['attachment-missing', '附件无法下载（链接不可用）'],
      ['undated', '信息缺少有效日期'],
    ],
  ],
  [
    '三、提醒（不计分，请按时限办理）',
    [
      ['late-publication', '超过 20 个工作日公开'],
      ['late-interpretation', '政策解读晚于文件 3 个工作日以上'],
    ],
  ],
];
console.log(`政府网站检查自查（国办秘函〔2019〕19号；截至 ${asOf}，共 ${notices.length} 篇）\n`);
for (const [heading, rows] of sheet) {
  console.log(heading);
  for (const [rule, title] of rows) {
    const list = findings.filter((f) => f.rule === rule);
    const points = list.reduce((n, f) => n + (f.points ?? 0), 0);
    console.log(
      `  ${list.length ? '✗' : '✓'} ${title}：${list.length} 项${points ? `，扣 ${points} 分` : ''}`,
    );
    for (const f of list)
      console.log(`      ${f.message}${f.points ? `（扣 ${f.points} 分）` : ''}`);
  }
  console.log('');
}
console.log(`扣分项得分：${score} 分。`);
console.log(
  fails.length
    ? `自查未通过：${fails.length} 项单项否决，网站会被判定为不合格。`
    : `自查通过：没有单项否决的问题${warns.length ? `；另有 ${warns.length} 项提醒` : ''}。`,
);
console.log(`Audit: ${fails.length} outright failures, score ${score}, ${warns.length} reminders.`);
process.exitCode = fails.length ? 1 : 0;
