/**
 * How notices are split into search bundles: at most `size` per bundle, newest first, so each
 * bundle is indexed by a fresh Pagefind process with bounded memory. Bundle 0 is /pagefind/ (the
 * one whose pagefind.js the search page loads), the others /pagefind-1/, /pagefind-2/ …
 */
export const DEFAULT_SHARD_SIZE = 5000;

export function shardPlan<T>(items: readonly T[], size = DEFAULT_SHARD_SIZE): Array<{ bundle: string; items: T[] }> {
  const count = Math.max(1, Math.ceil(items.length / size));
  // Even shards (not 5000 + a remainder of 3): both cores get similar work.
  const per = Math.ceil(items.length / count);
  return Array.from({ length: count }, (_, i) => ({ bundle: i === 0 ? 'pagefind' : `pagefind-${i}`, items: items.slice(i * per, (i + 1) * per) }));
}
