/**
 * How notices are split into Pagefind bundles, newest first, so each bundle is indexed by a fresh
 * Pagefind process with bounded memory (two at a time on this machine kind). Bundle 0 is /pagefind/,
 * the others /pagefind-1/, /pagefind-2/ … The search page reads records from whichever bundle holds
 * them (the search tables name it, src/lib/search/contract.ts); which bundle that is does not
 * change what a search answers.
 */
export const DEFAULT_SHARD_SIZE = 5000;

export interface Shard<T> {
  bundle: string;
  items: T[];
}

/** Items into even bundles of at most `size` (not 5000 + a remainder of 3: both cores get similar work). */
export function shardPlan<T>(items: readonly T[], size = DEFAULT_SHARD_SIZE): Shard<T>[] {
  const count = Math.max(1, Math.ceil(items.length / size));
  const per = Math.ceil(items.length / count);
  return Array.from({ length: count }, (_, i) => ({
    bundle: bundleName(i),
    items: items.slice(i * per, (i + 1) * per),
  }));
}

/** Bundle k's folder in the site: pagefind, pagefind-1 … (the delta bundle is pagefind-delta). */
export const bundleName = (k: number | 'delta') => (k === 0 ? 'pagefind' : `pagefind-${k}`);

/** Whether a site-relative file is inside a search bundle's folder. */
export const inBundle = (file: string) => /^pagefind(?:-[^/]+)?\//.test(file);
