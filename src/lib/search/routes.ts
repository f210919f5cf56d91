import { normaliseForMatch } from './query';

/**
 * The term table: which search bundles can hold a query at all, so a search for a rare term opens
 * only the shards that have it (not all twenty at 100,000 notices).
 *
 * A result is shown only if its folded, normalised text contains every query term (engine.ts,
 * lacksTerms). Such a text contains each character and each pair of adjacent characters of every
 * term. So the build lists, for every "gram" (one character, or two adjacent ones) of each bundle's
 * texts, the bundles that have it; a bundle lacking one gram of a term cannot hold a result with that
 * term, and the search page need not open it. The table may list too much (a bundle with every pair
 * of a term but not the term), never too little.
 *
 * Published as termFile(bucket), /search/terms/<bucket>.txt: a gram's bucket is a hash of it, so a query fetches a
 * few small files whatever the site's size. Each line is a gram, a tab, and its bundles as a mask.
 */
export interface TermTable {
  /** How many bucket files there are. */
  buckets: number;
  /** The bundles the masks number (bit i is bundles[i]); other bundles (a delta bundle) are not in the table. */
  bundles: string[];
}

/** Grams per bucket file the build aims for (≈ 10 KB before compression). */
export const GRAMS_PER_BUCKET = 1024;

/** Bucket file `k` of the table, relative to the site's root. */
export function termFile(k: number): string {
  return `search/terms/${k}.txt`;
}

const PAIR = 0x110000;

/**
 * The grams of a text (folded to simplified characters, as results are before they are compared), each
 * as a number: a character's code point, or (first + 1) × 0x110000 + second for a pair (gramOfCode
 * turns it back). Numbers, because the build counts them over every text of a bundle.
 */
export function addGramCodes(text: string, into: Set<number>): void {
  const s = normaliseForMatch(text);
  let prev = -1;
  for (let i = 0; i < s.length; i++) {
    const cp = s.codePointAt(i)!;
    if (cp > 0xffff) i++;
    into.add(cp);
    if (prev >= 0) into.add((prev + 1) * PAIR + cp);
    prev = cp;
  }
}

export function gramOfCode(code: number): string {
  return code < PAIR ? String.fromCodePoint(code) : String.fromCodePoint(Math.floor(code / PAIR) - 1, code % PAIR);
}

/** The grams of a text as strings (addGramCodes). */
export function gramsOf(text: string): Set<string> {
  const codes = new Set<number>();
  addGramCodes(text, codes);
  return new Set([...codes].map(gramOfCode));
}

/** The grams a text must have to contain `term`: its characters' adjacent pairs, or the character alone. */
export function termGrams(term: string): string[] {
  const chars = [...normaliseForMatch(term)];
  if (chars.length < 2) return chars;
  return [...new Set(chars.slice(1).map((c, i) => chars[i]! + c))];
}

/** The bucket of a gram: FNV-1a over its UTF-16 code units (the build and the browser compute the same). */
export function bucketOf(gram: string, buckets: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < gram.length; i++) h = Math.imul(h ^ gram.charCodeAt(i), 0x01000193);
  return (h >>> 0) % buckets;
}

/** How many buckets a table of `grams` grams gets: a power of two, so each holds about GRAMS_PER_BUCKET. */
export function bucketCount(grams: number): number {
  let n = 1;
  while (grams / n > GRAMS_PER_BUCKET) n *= 2;
  return n;
}

/** A mask of bundle numbers as hex digits, lowest first: digit j holds bundles 4j…4j+3. */
export function encodeMask(members: readonly number[]): string {
  const digits: number[] = [];
  for (const i of members) digits[i >> 2] = (digits[i >> 2] ?? 0) | (1 << (i & 3));
  return Array.from(digits, (d) => (d ?? 0).toString(16)).join('');
}

export function maskHas(mask: string, i: number): boolean {
  return ((parseInt(mask[i >> 2] ?? '0', 16) >> (i & 3)) & 1) === 1;
}

/**
 * The bucket files of a table: `gramBundles` gives each bundle's grams, in TermTable.bundles order.
 * Lines are sorted, so the same content gives the same files.
 */
export function tableBuckets(gramBundles: ReadonlyMap<string, readonly number[]>, buckets: number): string[] {
  const lines: string[][] = Array.from({ length: buckets }, () => []);
  for (const [gram, members] of gramBundles) lines[bucketOf(gram, buckets)]!.push(`${gram}\t${encodeMask(members)}`);
  return lines.map((l) => (l.length ? l.sort().join('\n') + '\n' : ''));
}

/** A bucket file's grams and masks. */
export function parseBucket(text: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const line of text.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab > 0) map.set(line.slice(0, tab), line.slice(tab + 1));
  }
  return map;
}

/**
 * Routes for a query's terms, given a lookup of the fetched buckets' masks (undefined: no bundle has
 * that gram).
 */
export interface TermRoutes {
  /** Terms no bundle in the table can hold (and so no result anywhere, if every bundle is in it). */
  absent: string[];
  /** Of `candidates`, the bundles that may hold a result containing every one of `terms` (at least one). */
  bundlesFor(candidates: readonly string[], terms: readonly string[]): string[];
  /** Of `candidates`, those the table does not describe (they may hold anything). */
  outside(candidates: readonly string[]): string[];
}

export function termRoutes(table: TermTable, terms: readonly string[], maskOf: (gram: string) => string | undefined): TermRoutes {
  const holds = (term: string, i: number) => termGrams(term).every((g) => maskHas(maskOf(g) ?? '', i));
  const number = new Map(table.bundles.map((b, i) => [b, i]));
  return {
    absent: terms.filter((t) => !table.bundles.some((_, i) => holds(t, i))),
    bundlesFor: (candidates, wanted) =>
      candidates.filter((b) => {
        const i = number.get(b);
        return i === undefined || (wanted.length > 0 && wanted.every((t) => holds(t, i)));
      }),
    outside: (candidates) => candidates.filter((b) => !number.has(b)),
  };
}

/** The bucket files a query's terms need. */
export function bucketsFor(terms: readonly string[], buckets: number): number[] {
  return [...new Set(terms.flatMap((t) => termGrams(t).map((g) => bucketOf(g, buckets))))].sort((a, b) => a - b);
}
