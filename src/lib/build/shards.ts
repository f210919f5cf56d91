/**
 * How notices are split into search bundles, newest first, so each bundle is indexed by a fresh
 * Pagefind process with bounded memory. Bundle 0 is /pagefind/ (the one whose pagefind.js the search
 * page loads), the others /pagefind-1/, /pagefind-2/ …
 *
 * Bundle 0 is small on purpose: it holds the newest `recent` notices, and the search page searches
 * it first (BundleList.recent). A query for a common word needs the chunk of that word in every
 * bundle it loads, and Pagefind's chunks carry every position on every page, so what a first query
 * fetches grows with the notices searched; most visitors look for recent notices. With 500, a common
 * word's first query at 10,000 notices fetches 78 KB (1,000: 138 KB; every bundle: 805 KB). The
 * other bundles are searched when bundle 0 cannot fill a page of results, or when the visitor asks
 * for everything.
 */
export const DEFAULT_SHARD_SIZE = 5000;
export const DEFAULT_RECENT_SIZE = 500;

/**
 * From this many notices beyond bundle 0, shards follow years, and each year with more than twice
 * `recent` notices gets a small "year head" bundle of its newest `recent` ones. A search filtered to
 * a year opens that year's head first (src/lib/search/scope.ts YearHead), not every shard of the
 * year: a common word's chunks in 5,000-notice shards are hundreds of KB (科技创新 in 2016 at
 * 100,000 notices: 1.4 MB over the year's shards).
 */
export const DEFAULT_YEAR_SPLIT = 20000;

export interface Shard<T> {
  bundle: string;
  items: T[];
  /** The year whose newest notices (after bundle 0's) this bundle holds. */
  headOf?: string;
}

/** Items (newest first) into bundles: bundle 0 the newest `recent`, the rest in even shards of at most `size`. */
export function shardPlan<T>(items: readonly T[], size = DEFAULT_SHARD_SIZE, recent = DEFAULT_RECENT_SIZE, yearOf?: (item: T) => string, yearSplit = DEFAULT_YEAR_SPLIT): Shard<T>[] {
  const first = Math.min(recent, size);
  const rest = items.slice(first);
  const groups: Array<Omit<Shard<T>, 'bundle'>> =
    yearOf && rest.length >= yearSplit
      ? byYear(rest, yearOf).flatMap(([year, list]) => (list.length > 2 * first ? [{ items: list.slice(0, first), headOf: year }, ...evenly(list.slice(first), size)] : evenly(list, size)))
      : evenly(rest, size);
  return [{ bundle: 'pagefind', items: items.slice(0, first) }, ...groups.map((g, i) => ({ bundle: `pagefind-${i + 1}`, ...g }))];
}

/** Even shards (not 5000 + a remainder of 3): both cores get similar work. */
function evenly<T>(list: readonly T[], size: number): Array<{ items: T[] }> {
  const count = Math.ceil(list.length / size);
  const per = Math.ceil(list.length / Math.max(1, count));
  return Array.from({ length: count }, (_, i) => ({ items: list.slice(i * per, (i + 1) * per) }));
}

/** Consecutive runs of one year (items are newest first, so each year is one run). */
function byYear<T>(items: readonly T[], yearOf: (item: T) => string): Array<[string, T[]]> {
  const out: Array<[string, T[]]> = [];
  for (const item of items) {
    const year = yearOf(item);
    if (out.at(-1)?.[0] === year) out.at(-1)![1].push(item);
    else out.push([year, [item]]);
  }
  return out;
}
