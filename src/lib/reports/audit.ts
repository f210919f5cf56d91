import { isPublished, type NoticeData, type PublishedNoticeData } from '../model/notice-schema';
import type { SiteConfig } from '../model/site-config';
import type { Problem } from '../content/problem';
import { addDays, addMonths, workingDaysBetween, type Calendar } from './working-days';

/**
 * The national inspection's checks (国办秘函〔2019〕19号) and the 20-working-day publication duty
 * (政府信息公开条例), over the content as of a date. `fail` findings fail an inspection outright
 * (empty or stale columns, undated items, attachments that do not download); `warn` ones are
 * duties to fix (late publication).
 */
export interface AuditFinding {
  rule: 'empty-category' | 'stale-category' | 'undated' | 'attachment-missing' | 'late-publication' | 'expired-in-force' | 'late-interpretation';
  severity: 'fail' | 'warn';
  subject: string;
  message: string;
}

export const PUBLICATION_DEADLINE_WORKING_DAYS = 20;
/** A 政策解读 is published with its document: within 3 working days of it (the standard directory's 时限). */
export const INTERPRETATION_DEADLINE_WORKING_DAYS = 3;

export function auditContent(
  notices: ReadonlyArray<{ file: string; data: NoticeData | null }>,
  problems: readonly Problem[],
  config: SiteConfig,
  asOf: string,
): AuditFinding[] {
  const findings: AuditFinding[] = [];
  const calendar: Calendar = { holidays: new Set(config.holidays), workdays: new Set(config.workdays) };
  const published = notices
    .map((n) => n.data)
    .filter((d): d is PublishedNoticeData => d !== null && isPublished(d) && d.date <= asOf && d.publishedAt.slice(0, 10) <= asOf);

  for (const c of config.categories) {
    const inCategory = published.filter((d) => d.category === c.name);
    if (inCategory.length === 0) {
      findings.push({ rule: 'empty-category', severity: 'fail', subject: c.name, message: `栏目「${c.name}」没有任何公开信息（空白栏目）` });
      continue;
    }
    if (!c.freshness) continue;
    const newest = inCategory.map((d) => d.publishedAt.slice(0, 10)).sort().at(-1)!;
    const limit = c.freshness.months ? `${c.freshness.months} 个月` : `${c.freshness.days} 天`;
    const due = c.freshness.months ? addMonths(newest, c.freshness.months) : addDays(newest, c.freshness.days ?? 0);
    if (due < asOf) {
      findings.push({
        rule: 'stale-category',
        severity: 'fail',
        subject: c.name,
        message: `栏目「${c.name}」最近一条信息发布于 ${newest}，截至 ${asOf} 已超过 ${limit}未更新（要求 ${limit}内更新）`,
      });
    }
  }

  for (const p of problems) {
    if (p.field === 'date' || p.field === 'publishedAt') {
      findings.push({ rule: 'undated', severity: 'fail', subject: p.file, message: `${p.file}：${p.message}（信息缺少有效日期）` });
    } else if (/^attachments\[\d+\]\.href$/.test(p.field)) {
      findings.push({ rule: 'attachment-missing', severity: 'fail', subject: p.file, message: `${p.file}：${p.message}（附件无法下载）` });
    }
  }

  const fileOf = new Map(notices.filter((n) => n.data).map((n) => [n.data!.indexNo, n.file]));
  for (const d of published) {
    const late = workingDaysBetween(d.date, d.publishedAt.slice(0, 10), calendar);
    if (late > PUBLICATION_DEADLINE_WORKING_DAYS) {
      findings.push({
        rule: 'late-publication',
        severity: 'warn',
        subject: d.indexNo,
        message: `${fileOf.get(d.indexNo) ?? ''}（${d.indexNo}）「${d.title}」发文日期 ${d.date}，发布于 ${d.publishedAt.slice(0, 10)}，相隔 ${late} 个工作日，超过 ${PUBLICATION_DEADLINE_WORKING_DAYS} 个工作日的公开时限`,
      });
    }
  }
  // A document still marked 有效 after its 有效期至 publishes wrong information: an outright failure.
  for (const d of published) {
    if (d.validity === '有效' && d.expiresOn && d.expiresOn < asOf) {
      findings.push({
        rule: 'expired-in-force',
        severity: 'fail',
        subject: d.indexNo,
        message: `${fileOf.get(d.indexNo) ?? ''}（${d.indexNo}）「${d.title}」有效期至 ${d.expiresOn}，截至 ${asOf} 已过期，有效性却仍标为「有效」（应改为 失效，或写明新的有效期）`,
      });
    }
  }
  // A 解读 published more than 3 working days after the document it interprets.
  const byIndexNo = new Map(published.map((d) => [d.indexNo, d]));
  for (const d of published) {
    for (const ref of d.interprets ?? []) {
      const doc = byIndexNo.get(ref);
      if (!doc) continue;
      const late = workingDaysBetween(doc.publishedAt.slice(0, 10), d.publishedAt.slice(0, 10), calendar);
      if (late > INTERPRETATION_DEADLINE_WORKING_DAYS) {
        findings.push({
          rule: 'late-interpretation',
          severity: 'warn',
          subject: d.indexNo,
          message: `${fileOf.get(d.indexNo) ?? ''}（${d.indexNo}）「${d.title}」发布于 ${d.publishedAt.slice(0, 10)}，比所解读的「${doc.title}」（发布于 ${doc.publishedAt.slice(0, 10)}）晚 ${late} 个工作日，超过 ${INTERPRETATION_DEADLINE_WORKING_DAYS} 个工作日`,
        });
      }
    }
  }
  return findings;
}
