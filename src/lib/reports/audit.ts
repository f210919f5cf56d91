import { isPublished, type NoticeData, type PublishedNoticeData } from '../model/notice-schema';
import type { CategoryKind, SiteConfig } from '../model/site-config';
import type { Problem } from '../content/problem';
import { addDays, addMonths, workingDaysBetween, type Calendar } from './working-days';

/**
 * The national inspection of government websites (国办秘函〔2019〕19号) over the content as of a
 * date, as its score sheet: 单项否决 conditions (`fail`: one fails the site outright), 扣分 items
 * (`deduct`, with their points off 100), and duties of the 政府信息公开条例 and the standard
 * directories that the indicators do not score (`warn`: late publication, a late 解读).
 */
export type AuditRule =
  | 'home-stale'
  | 'stale-columns'
  | 'empty-columns'
  | 'expired-in-force'
  | 'report-missing'
  | 'stale-category'
  | 'empty-category'
  | 'undated'
  | 'attachment-missing'
  | 'late-publication'
  | 'late-interpretation';

export interface AuditFinding {
  rule: AuditRule;
  severity: 'fail' | 'deduct' | 'warn';
  /** Points off 100 for a `deduct` finding. */
  points?: number;
  subject: string;
  message: string;
}

export const PUBLICATION_DEADLINE_WORKING_DAYS = 20;
/** A 政策解读 is published with its document: within 3 working days of it (the standard directory's 时限). */
export const INTERPRETATION_DEADLINE_WORKING_DAYS = 3;
/** The home page fails the inspection when nothing new has appeared on it for this many days. */
export const HOME_PAGE_DAYS = 14;
/** This many stale columns of the kinds below, or this many empty columns, fail the site outright; fewer cost points. */
export const COLUMN_VETO = 5;
/** The column kinds whose staleness counts toward the veto (动态要闻 2 weeks; 通知公告, 政策文件 6 months). */
export const VETO_KINDS: ReadonlySet<CategoryKind> = new Set(['动态', '通知公告', '政策文件']);
/** Points off 100 per item below the veto, as the 扣分指标 score them. */
export const DEDUCTIONS = { staleColumn: 5, emptyColumn: 5, brokenLink: 1, undated: 1 } as const;

export interface AuditInput {
  notices: ReadonlyArray<{ file: string; data: NoticeData | null }>;
  problems: readonly Problem[];
  config: SiteConfig;
  asOf: string;
  /** Years whose annual report is written and checked (src/content/reports); absent: the rule is not checked. */
  reports?: ReadonlySet<number>;
}

/** The year whose annual report must be published by `asOf` (due 31 January of the next year). */
export function reportDueYear(asOf: string): number {
  const year = Number(asOf.slice(0, 4));
  return asOf > `${year}-01-31` ? year - 1 : year - 2;
}

export function auditContent(
  notices: AuditInput['notices'],
  problems: readonly Problem[],
  config: SiteConfig,
  asOf: string,
  reports?: ReadonlySet<number>,
): AuditFinding[] {
  const findings: AuditFinding[] = [];
  const calendar: Calendar = {
    holidays: new Set(config.holidays),
    workdays: new Set(config.workdays),
  };
  const published = notices
    .map((n) => n.data)
    .filter(
      (d): d is PublishedNoticeData =>
        d !== null && isPublished(d) && d.date <= asOf && d.publishedAt.slice(0, 10) <= asOf,
    );

  // The home page lists the newest notices: it is as fresh as the newest one.
  const newestOnSite = published
    .map((d) => d.publishedAt.slice(0, 10))
    .sort()
    .at(-1);
  if (!newestOnSite || addDays(newestOnSite, HOME_PAGE_DAYS) < asOf) {
    findings.push({
      rule: 'home-stale',
      severity: 'fail',
      subject: '首页',
      message: newestOnSite
        ? `首页最新一条信息发布于 ${newestOnSite}，截至 ${asOf} 已超过 ${HOME_PAGE_DAYS} 天没有更新`
        : '首页没有任何信息',
    });
  }

  const empty: string[] = [];
  const stale: Array<{ name: string; kind: CategoryKind; message: string }> = [];
  for (const c of config.categories) {
    const inCategory = published.filter((d) => d.category === c.name);
    if (inCategory.length === 0) {
      empty.push(c.name);
      continue;
    }
    if (!c.freshness) continue;
    const newest = inCategory
      .map((d) => d.publishedAt.slice(0, 10))
      .sort()
      .at(-1)!;
    const limit = c.freshness.months ? `${c.freshness.months} 个月` : `${c.freshness.days} 天`;
    const due = c.freshness.months
      ? addMonths(newest, c.freshness.months)
      : addDays(newest, c.freshness.days ?? 0);
    if (due < asOf)
      stale.push({
        name: c.name,
        kind: c.kind,
        message: `栏目「${c.name}」最近一条信息发布于 ${newest}，截至 ${asOf} 已超过 ${limit}未更新（要求 ${limit}内更新）`,
      });
  }
  const vetoStale = stale.filter((c) => VETO_KINDS.has(c.kind));
  if (vetoStale.length >= COLUMN_VETO) {
    findings.push({
      rule: 'stale-columns',
      severity: 'fail',
      subject: vetoStale.map((c) => c.name).join('、'),
      message: `动态、通知公告、政策文件类栏目中有 ${vetoStale.length} 个未按时更新（达到 ${COLUMN_VETO} 个即单项否决）：${vetoStale.map((c) => c.name).join('、')}`,
    });
  }
  for (const c of stale) {
    if (vetoStale.length >= COLUMN_VETO && VETO_KINDS.has(c.kind)) continue;
    findings.push({
      rule: 'stale-category',
      severity: 'deduct',
      points: DEDUCTIONS.staleColumn,
      subject: c.name,
      message: c.message,
    });
  }
  if (empty.length >= COLUMN_VETO) {
    findings.push({
      rule: 'empty-columns',
      severity: 'fail',
      subject: empty.join('、'),
      message: `有 ${empty.length} 个空白栏目（达到 ${COLUMN_VETO} 个即单项否决）：${empty.join('、')}`,
    });
  } else {
    for (const name of empty)
      findings.push({
        rule: 'empty-category',
        severity: 'deduct',
        points: DEDUCTIONS.emptyColumn,
        subject: name,
        message: `栏目「${name}」没有任何公开信息（空白栏目）`,
      });
  }

  if (reports) {
    const year = reportDueYear(asOf);
    // Due only for a year the site already published in.
    const active = published.some((d) => Number(d.publishedAt.slice(0, 4)) <= year);
    if (active && !reports.has(year)) {
      findings.push({
        rule: 'report-missing',
        severity: 'fail',
        subject: String(year),
        message: `${year} 年政府信息公开工作年度报告应于 ${year + 1}-01-31 前公开，截至 ${asOf} 尚未编写（src/content/reports/${year}.yaml 和 ${year}.md）`,
      });
    }
  }

  for (const p of problems) {
    if (p.field === 'date' || p.field === 'publishedAt') {
      findings.push({
        rule: 'undated',
        severity: 'deduct',
        points: DEDUCTIONS.undated,
        subject: p.file,
        message: `${p.file}：${p.message}（信息缺少有效日期，视为未更新）`,
      });
    } else if (/^attachments\[\d+\]\.href$/.test(p.field)) {
      findings.push({
        rule: 'attachment-missing',
        severity: 'deduct',
        points: DEDUCTIONS.brokenLink,
        subject: p.file,
        message: `${p.file}：${p.message}（附件无法下载，链接不可用）`,
      });
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
      const late = workingDaysBetween(
        doc.publishedAt.slice(0, 10),
        d.publishedAt.slice(0, 10),
        calendar,
      );
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

/** The score of the 扣分 part: 100 less every deduction, not below 0. */
export function auditScore(findings: readonly AuditFinding[]): number {
  return Math.max(
    0,
    100 - findings.reduce((n, f) => n + (f.severity === 'deduct' ? (f.points ?? 0) : 0), 0),
  );
}
