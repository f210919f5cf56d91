import { isPublished, type NoticeData, type PublishedNoticeData } from '../model/notice-schema';
import { REPLY_KIND_CATEGORY } from '../model/notice-schema';
import { DEFAULT_RESULT_CLASSES, type SiteConfig } from '../model/site-config';
import { SECTION_TWO_DOC_TYPES } from './template';
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
  replies: Array<{
    kind: '建议' | '提案';
    session: string;
    count: number;
    byClass: number[];
    unclassified: number;
  }>;
}

const yearOf = (d: PublishedNoticeData) => Number(d.publishedAt.slice(0, 4));

export function annualStatistics(
  all: readonly NoticeData[],
  year: number,
  categories: readonly string[],
  resultClasses: ReadonlyArray<{ code: string; label: string }> = DEFAULT_RESULT_CLASSES,
): AnnualStatistics {
  // One pass over every notice (a report per year, over 100,000 notices: a filter per category cost seconds).
  const byCategory = categories.map((category) => ({ category, count: 0, cumulative: 0 }));
  const rowOf = new Map(byCategory.map((row) => [row.category, row]));
  const inYear: PublishedNoticeData[] = [];
  for (const d of all) {
    if (!isPublished(d)) continue;
    const y = yearOf(d);
    if (y > year) continue;
    const row = rowOf.get(d.category);
    if (row) row.cumulative++;
    if (y !== year) continue;
    inYear.push(d);
    if (row) row.count++;
  }
  const issuers = new Map<string, number>();
  for (const d of inYear) issuers.set(d.issuer, (issuers.get(d.issuer) ?? 0) + 1);
  const byIssuer = [...issuers]
    .map(([issuer, count]) => ({ issuer, count }))
    .sort((a, b) => b.count - a.count || a.issuer.localeCompare(b.issuer, 'zh-Hans-CN'));
  const replies = new Map<string, AnnualStatistics['replies'][number]>();
  for (const d of inYear) {
    if (!d.reply || REPLY_KIND_CATEGORY[d.reply.kind] !== d.category) continue;
    const key = `${d.reply.kind}\u0000${d.reply.session}`;
    const row = replies.get(key) ?? {
      kind: d.reply.kind,
      session: d.reply.session,
      count: 0,
      byClass: resultClasses.map(() => 0),
      unclassified: 0,
    };
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
    replies: [...replies.values()].sort(
      (a, b) => a.kind.localeCompare(b.kind) || a.session.localeCompare(b.session, 'zh-Hans-CN'),
    ),
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
    [
      '类型',
      '会议',
      '答复件数',
      ...s.resultClasses.map((c) => `${c.code}类（${c.label}）`),
      '未标注',
    ],
    ...s.replies.map((r) => [
      r.kind === '建议' ? '人大代表建议' : '政协提案',
      r.session,
      r.count,
      ...r.byClass,
      r.unclassified,
    ]),
  ];
  return csvText(rows);
}

/** 二's computed rows: for 规章 and 行政规范性文件, 本年制发件数, 本年废止件数 and 现行有效件数 (at year end). */
export interface SectionTwoRow {
  docType: (typeof SECTION_TWO_DOC_TYPES)[number];
  issued: number;
  repealed: number;
  inForce: number;
}

/**
 * Counts the office's own documents (a `source` naming another body — a 规章 of the city government
 * republished here — is not 制发 by it): 本年制发 by 发文日期 in the year; 本年废止 by 废止日期 in the
 * year; 现行有效 at 31 December, from the dates each document left force (废止日期, 有效期至, or
 * when the document replacing it took effect), so a report written later still counts the year's end.
 */
export function sectionTwo(
  all: readonly NoticeData[],
  year: number,
  own: (d: PublishedNoticeData) => boolean,
): SectionTwoRow[] {
  const published = all.filter(isPublished);
  const end = `${year}-12-31`;
  // When each replaced document's successor took effect (the earliest, if several replace it).
  const succeeded = new Map<string, string>();
  for (const d of published) {
    for (const r of d.replaces ?? []) {
      const from = d.effectiveFrom ?? d.date;
      if (!succeeded.has(r) || from < succeeded.get(r)!) succeeded.set(r, from);
    }
  }
  const inForceAt = (d: PublishedNoticeData): boolean => {
    if (d.date > end) return false;
    if (d.validity === '有效') return !(d.expiresOn && d.expiresOn < end);
    const left =
      d.validity === '废止'
        ? d.repealedOn
        : d.validity === '失效'
          ? (d.expiresOn ?? succeeded.get(d.indexNo))
          : succeeded.get(d.indexNo);
    // Out of force on a date not known: counted as out of force already.
    return !!left && left > end;
  };
  return SECTION_TWO_DOC_TYPES.map((docType) => {
    const docs = published.filter((d) => d.docType === docType && own(d));
    return {
      docType,
      issued: docs.filter((d) => d.date.startsWith(`${year}-`)).length,
      repealed: docs.filter((d) => d.validity === '废止' && d.repealedOn?.startsWith(`${year}-`))
        .length,
      inForce: docs.filter(inForceAt).length,
    };
  });
}

/** Whether the office itself made a document: no `source`, or one naming the issuer, one of its aliases or the site's owner. */
export function ownDocument(
  config: Pick<SiteConfig, 'owner' | 'issuers'>,
): (d: PublishedNoticeData) => boolean {
  const names = new Map(
    config.issuers.map((i) => [i.name, new Set([i.name, ...(i.aliases ?? []), config.owner])]),
  );
  return (d) =>
    !d.source ||
    d.source === d.issuer ||
    d.source === config.owner ||
    !!names.get(d.issuer)?.has(d.source);
}
