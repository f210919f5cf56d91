/**
 * The traditional → simplified character map search folds with (normalize.ts): character pairs
 * `繁简繁简…` built from OpenCC's data at build time (≈3,600 pairs; char-map.ts) instead of shipping
 * OpenCC's 1.1 MB tables, published in pieces (charmap.ts).
 */
export type CharMap = ReadonlyMap<string, string>;

export function parseCharMap(pairs: string): CharMap {
  const chars = [...pairs];
  const map = new Map<string, string>();
  for (let i = 0; i + 1 < chars.length; i += 2) map.set(chars[i]!, chars[i + 1]!);
  return map;
}
