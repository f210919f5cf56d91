/**
 * Merging Pagefind's answers into one ordered list: results that contain the query text itself
 * (the exact-phrase query) first, then those that only contain its words apart. Each list keeps
 * Pagefind's own order (relevance, or date when sorting by date).
 */
export function mergeRanked<T extends { id: string }>(exact: readonly T[], loose: readonly T[]): Array<T & { exact: boolean }> {
  const seen = new Set<string>();
  const out: Array<T & { exact: boolean }> = [];
  for (const [list, isExact] of [[exact, true], [loose, false]] as const) {
    for (const r of list) {
      if (seen.has(r.id)) continue;
      seen.add(r.id);
      out.push({ ...r, exact: isExact });
    }
  }
  return out;
}
