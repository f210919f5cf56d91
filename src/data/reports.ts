import {
  annualStatistics,
  ownDocument,
  reportYears,
  sectionTwo,
  type AnnualStatistics,
  type SectionTwoRow,
} from '../lib/reports/annual';
import { reportProblems, reportSourceYears, type ReportSource } from '../lib/reports/report-files';
import { loadSite, siteConfig } from './site';

export interface YearReport {
  year: number;
  /** What the site published in the year, by column and issuer (the statistics the report is written from). */
  stats: AnnualStatistics;
  /** Section 二's rows counted from the notices. */
  sectionTwo: SectionTwoRow[];
  /** The report's own files (src/content/reports/<year>.yaml and .md), when the office has written them. */
  source: ReportSource | null;
}

let cached: Promise<YearReport[]> | undefined;

/** Every year with published notices or report files, newest first, from the same collection as the pages. */
export function loadReports(): Promise<YearReport[]> {
  if (import.meta.env.DEV) cached = undefined;
  cached ??= loadSite().then((site) => {
    const data = site.notices.map((n) => n.data);
    const categories = siteConfig.categories.map((c) => c.name);
    const own = ownDocument(siteConfig);
    const years = [...new Set([...reportYears(data), ...reportSourceYears(process.cwd())])].sort(
      (a, b) => b - a,
    );
    return years.map((year) => ({
      year,
      stats: annualStatistics(data, year, categories, siteConfig.resultClasses),
      sectionTwo: sectionTwo(data, year, own),
      source: reportProblems(process.cwd(), year).source,
    }));
  });
  return cached;
}
