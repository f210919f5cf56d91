import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { buildCharPairs } from '../search/char-map';
import { parseCharMap, toSimplified, type CharMap } from '../search/fold';
import { dirname, join } from 'node:path';
import { addGramCodes, bucketCount, gramOfCode, tableBuckets, termFile, type TermTable } from '../search/routes';

/**
 * Build side of the term table (src/lib/search/routes.ts). Each bundle's indexing process lists the
 * grams of its records in GRAMS_FILE inside the bundle (so the search cache keeps them with it); the
 * full build merges them into /search/terms/ and removes the lists from what it publishes.
 */
export const GRAMS_FILE = 'gongkai-grams.txt';

let charMap: CharMap | undefined;

/**
 * A record's grams as the search page will compare it: its title and content as Pagefind's data()
 * returns them (zero-width spaces removed; its escaped copy is only for excerpts), folded with the page's character map.
 */
export function addRecordGrams(grams: Set<number>, title: string, content: string): void {
  charMap ??= parseCharMap(buildCharPairs());
  const shown = content.replace(/\u200b/g, '');
  addGramCodes(toSimplified(`${title} ${shown}`, charMap), grams);
}

export function writeBundleGrams(bundleDir: string, grams: ReadonlySet<number>): void {
  writeFileSync(join(bundleDir, GRAMS_FILE), [...grams].map(gramOfCode).sort().join('\n') + '\n');
}

/**
 * Writes the term table of `bundles` (published names, `/pagefind-1/`, each folder in `siteDir`)
 * into `siteDir`/search/terms/ and removes the bundles' gram lists from `siteDir`. Returns the table's
 * description for bundles.json.
 */
export function writeTermTable(siteDir: string, bundles: readonly string[]): TermTable {
  const members = new Map<string, number[]>();
  bundles.forEach((bundle, i) => {
    const file = join(siteDir, bundle, GRAMS_FILE);
    if (!existsSync(file)) throw new Error(`${bundle}${GRAMS_FILE} 不存在`);
    for (const gram of readFileSync(file, 'utf8').split('\n')) {
      if (!gram) continue;
      const m = members.get(gram);
      if (m) m.push(i);
      else members.set(gram, [i]);
    }
  });
  const buckets = bucketCount(members.size);
  mkdirSync(dirname(join(siteDir, termFile(0))), { recursive: true });
  tableBuckets(members, buckets).forEach((text, k) => writeFileSync(join(siteDir, termFile(k)), text));
  for (const bundle of bundles) rmSync(join(siteDir, bundle, GRAMS_FILE));
  return { buckets, bundles: [...bundles] };
}
