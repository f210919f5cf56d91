import { isPublished, type NoticeData, type PublishedNoticeData } from '../model/notice-schema';
import { REPLY_KIND_CATEGORY } from '../model/notice-schema';
import { DEFAULT_RESULT_CLASSES } from '../model/site-config';
import { csvText } from '../site/open-data';

/**
 * Statistics for the 主动公开政府信息情况 part of the 政府信息公开工作年度报告: notices published in
 * the year (by 发布日期) by category and issuer, and replies by 会议 and 办理结果类别.
 */
export interface AnnualStatistics {
  year: number;
  total: number;
  /** Every configured category, in order, with this year's count and the running total to year end. */
  byCategory: Array<{ category: string; count: number; cumulative: number }>;
  byIssuer: Array<{ issuer: string; count: number }>;
  /** The site's 办理结果类别, in order: the columns of `replies[].byClass`. */
  resultClasses: ReadonlyArray<{ code: string; label: string }>;
  /** 人大代表建议 and 政协提案 replies, by 会议, with counts per result class. */
  replies: Array<{ kind: '建议' | '提案'; session: string; count: number; byClass: number[]; unclassified: number }>;
}

const yearOf = (d: PublishedNoticeData) => Number(d.publishedAt.slice(0, 4));

export function annualStatistics(
  all: readonly NoticeData[],
  year: number,
  categories: readonly string[],
  resultClasses: ReadonlyArray<{ code: string; label: string }> = DEFAULT_RESULT_CLASSES,
): AnnualStatistics {
  const published = all.filter(isPublished);
  const inYear = published.filter((d) => yearOf(d) === year);
  const byCategory = categories.map((category) => ({
    category,
    count: inYear.filter((d) => d.category === category).length,
    cumulative: published.filter((d) => d.category === category && yearOf(d) <= year).length,
  }));
  const issuers = new Map<string, number>();
  for (const d of inYear) issuers.set(d.issuer, (issuers.get(d.issuer) ?? 0) + 1);
  const byIssuer = [...issuers].map(([issuer, count]) => ({ issuer, count })).sort((a, b) => b.count - a.count || a.issuer.localeCompare(b.issuer, 'zh-Hans-CN'));
  const replies = new Map<string, AnnualStatistics['replies'][number]>();
  for (const d of inYear) {
    if (!d.reply || REPLY_KIND_CATEGORY[d.reply.kind] !== d.category) continue;
    const key = `${d.reply.kind}\u0000${d.reply.session}`;
    const row = replies.get(key) ?? { kind: d.reply.kind, session: d.reply.session, count: 0, byClass: resultClasses.map(() => 0), unclassified: 0 };
    row.count++;
    const at = resultClasses.findIndex((c) => c.code === d.reply!.resultClass);
    if (at >= 0) row.byClass[at]!++;
    else row.unclassified++;
    replies.set(key, row);
  }
  return {
    year,
    total: inYear.length,
    byCategory,
    byIssuer,
    resultClasses,
    replies: [...replies.values()].sort((a, b) => a.kind.localeCompare(b.kind) || a.session.localeCompare(b.session, 'zh-Hans-CN')),
  };
}

/** Years that have published notices, newest first. */
export function reportYears(all: readonly NoticeData[]): number[] {
  return [...new Set(all.filter(isPublished).map(yearOf))].sort((a, b) => b - a);
}

/** The same statistics as CSV (UTF-8 with BOM, CRLF) in three labelled sections. */
export function annualCsv(s: AnnualStatistics): string {
  const rows: Array<Array<string | number>> = [
    [`${s.year}年主动公开政府信息情况`],
    ['信息内容（组配分类）', '本年新公开', '累计公开'],
    ...s.byCategory.map((r) => [r.category, r.count, r.cumulative]),
    ['合计', s.total, s.byCategory.reduce((n, r) => n + r.cumulative, 0)],
    [],
    ['发布机构', '本年新公开'],
    ...s.byIssuer.map((r) => [r.issuer, r.count]),
    [],
    ['类型', '会议', '答复件数', ...s.resultClasses.map((c) => `${c.code}类（${c.label}）`), '未标注'],
    ...s.replies.map((r) => [r.kind === '建议' ? '人大代表建议' : '政协提案', r.session, r.count, ...r.byClass, r.unclassified]),
  ];
  return csvText(rows);
}
