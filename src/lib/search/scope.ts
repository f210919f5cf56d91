import type { SearchOutcome, VerifiedResult } from './engine';

/**
 * The bundles a search loads first (see src/lib/build/shards.ts): the newest notices' bundle, and an
 * incremental build's delta bundle. Every notice dated after `since` is in them (notices dated
 * `since` itself may also be in the next bundle).
 */
export interface RecentBundles {
  bundles: string[];
  /** The date (YYYY-MM-DD) of the oldest notice in the newest bundle. */
  since: string;
}

/**
 * The recent bundles' records of notices dated `since` or later carry this filter, and the first
 * search asks for it: an incremental build's delta bundle also holds older notices that were edited,
 * which must not be counted as recent.
 */
export const RECENT_FILTER = { key: '范围', value: '最近' } as const;

/** Whether a record is indexed with RECENT_FILTER (dates are YYYY-MM-DD…, so they compare as text). */
export function isRecent(date: string, since: string | undefined): boolean {
  return since !== undefined && date.slice(0, 10) >= since;
}

/**
 * On a large site (src/lib/build/shards.ts DEFAULT_YEAR_SPLIT), what a search filtered to one year
 * opens first, as the recent bundles are for a search without one: the bundles holding that year's
 * newest notices (its head bundle, and bundle 0 when bundle 0 reaches into that year). Every notice
 * of the year dated `since` or later is in them (notices dated `since` itself may also be in the
 * next bundle).
 */
export interface YearHead {
  bundles: string[];
  since: string;
}

/** The RECENT_FILTER key's value marking a notice of `year` dated from its head's `since` on. */
export function yearHeadValue(year: string): string {
  return `${year}年最近`;
}

/** What a bundle's records are marked with for the searches made first (RECENT_FILTER's key). */
export interface ScopeMarks {
  recentSince?: string;
  yearHeads?: Record<string, YearHead>;
}

/** The RECENT_FILTER key's values for a record dated `date`: recent, and its year head's. */
export function scopeValues(date: string, marks: ScopeMarks): string[] {
  const out: string[] = [];
  if (isRecent(date, marks.recentSince)) out.push(RECENT_FILTER.value);
  const year = date.slice(0, 4);
  const head = marks.yearHeads?.[year];
  if (head && date.slice(0, 10) >= head.since) out.push(yearHeadValue(year));
  return out;
}

/** The filter key (in the index and in the page's URL) for a notice's year. */
export const YEAR_FILTER = '年份';

/**
 * A search filtered to a year after `since`'s year (RecentBundles.since) finds every match in the
 * recent bundles: the older bundles hold nothing of that year.
 */
export function recentHoldsAll(since: string, filters: Readonly<Record<string, string>> = {}): boolean {
  const year = filters[YEAR_FILTER];
  return !!year && year > since.slice(0, 4);
}

/**
 * The bundles a search filtered to `year` needs: those whose notices' dates (`ranges`, oldest and
 * newest, YYYY-MM-DD) reach into that year, and any bundle without a range (an incremental build's
 * delta bundle holds notices of any date). Without a year, or without ranges, every bundle.
 */
export function bundlesForYear(bundles: readonly string[], ranges: Readonly<Record<string, readonly [string, string]>> | undefined, year: string | undefined): string[] {
  if (!year || !ranges) return [...bundles];
  return bundles.filter((b) => {
    const range = ranges[b];
    return !range || (range[0].slice(0, 4) <= year && year <= range[1].slice(0, 4));
  });
}

/**
 * Whether the recent bundles alone answer a search well enough to show first (the visitor can still
 * ask for everything): a full first page, every result containing the query text itself. Otherwise
 * (a name found only in older notices, an unknown term, too few or only partial matches) the older
 * bundles that may hold the query are searched before anything is shown (src/lib/search/routes.ts):
 * a term missing from recent notices may be in older ones, and the best matches may be too.
 */
export function recentIsEnough(outcome: SearchOutcome, page: readonly VerifiedResult[], size: number): boolean {
  return !outcome.partial && page.length >= size && page.every((v) => v.exact);
}
