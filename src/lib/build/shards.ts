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

export function shardPlan<T>(items: readonly T[], size = DEFAULT_SHARD_SIZE, recent = DEFAULT_RECENT_SIZE): Array<{ bundle: string; items: T[] }> {
  const first = Math.min(recent, size);
  const rest = items.slice(first);
  const count = Math.ceil(rest.length / size);
  // Even shards (not 5000 + a remainder of 3): both cores get similar work.
  const per = Math.ceil(rest.length / Math.max(1, count));
  return [
    { bundle: 'pagefind', items: items.slice(0, first) },
    ...Array.from({ length: count }, (_, i) => ({ bundle: `pagefind-${i + 1}`, items: rest.slice(i * per, (i + 1) * per) })),
  ];
}
