/**
 * Traditional → simplified folding for search. Notices in traditional characters are indexed with
 * a simplified copy (see search-records.ts), so folding the visitor's query to simplified finds
 * both scripts. The map is character pairs `繁简繁简…`, built from OpenCC's data at build time
 * (≈3,600 pairs, 16 KB gzipped) instead of shipping OpenCC's 1.1 MB tables.
 */
export type CharMap = ReadonlyMap<string, string>;

export function parseCharMap(pairs: string): CharMap {
  const chars = [...pairs];
  const map = new Map<string, string>();
  for (let i = 0; i + 1 < chars.length; i += 2) map.set(chars[i]!, chars[i + 1]!);
  return map;
}

/** One character class of every traditional character a map folds, per map. */
const foldable = new WeakMap<CharMap, RegExp>();

export function toSimplified(text: string, map: CharMap): string {
  let re = foldable.get(map);
  if (!re) {
    // Replacing only the characters the map knows is 3× faster than rebuilding every text character by character.
    re = map.size ? new RegExp(`[${[...map.keys()].map((c) => c.replace(/[\\\]\[^-]/g, '\\$&')).join('')}]`, 'gu') : /(?!)/gu;
    foldable.set(map, re);
  }
  return text.replace(re, (c) => map.get(c)!);
}
