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

export function toSimplified(text: string, map: CharMap): string {
  let out = '';
  for (const ch of text) out += map.get(ch) ?? ch;
  return out;
}
