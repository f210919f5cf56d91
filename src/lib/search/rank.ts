/**
 * Merging Pagefind's answers into one ordered list: results that contain the query text itself
 * (the exact-phrase query) first, then those that only contain its words apart. Each list keeps
 * Pagefind's own order (relevance, or date when sorting by date).
 * The merged list holds Pagefind's own result objects (marked, not copied): Pagefind releases a
 * result's data when that object is garbage-collected, after which a copy's data() gives null.
 */
export function mergeRanked<T extends { id: string }>(exact: readonly T[], loose: readonly T[]): Array<T & { exact: boolean }> {
  const seen = new Set<string>();
  const out: Array<T & { exact: boolean }> = [];
  for (const [list, isExact] of [[exact, true], [loose, false]] as const) {
    for (const r of list) {
      if (seen.has(r.id)) continue;
      seen.add(r.id);
      out.push(Object.assign(r, { exact: isExact }));
    }
  }
  return out;
}
