import type { CharMap } from './fold';

/**
 * The traditional → simplified character map, published in pieces so a search loads only what it
 * needs: a bitmap of which characters are traditional (3.5 KB), and the pairs in CHARMAP_PARTS files
 * by code point. A query or an excerpt in simplified characters needs no pair file at all.
 */
export const CHARMAP_PARTS = 16;
export const charmapFlagsFile = () => 'search/t2s/flags.bin';
export const charmapPartFile = (k: number) => `search/t2s/${k}.txt`;
const RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x3400, 0xa000],
  [0xf900, 0xfb00],
];

/** The bit of a code point in the flags bitmap (-1: outside the CJK ranges, never traditional). */
function bitOf(cp: number): number {
  let offset = 0;
  for (const [lo, hi] of RANGES) {
    if (cp >= lo && cp < hi) return offset + cp - lo;
    offset += hi - lo;
  }
  return -1;
}

export const partOf = (ch: string) => ch.codePointAt(0)! % CHARMAP_PARTS;

/** Build side: the flags bitmap and the part files of a `繁简繁简…` pair string. */
export function charmapFiles(pairs: string): { flags: Uint8Array; parts: string[] } {
  const chars = [...pairs];
  const size = RANGES.reduce((n, [lo, hi]) => n + hi - lo, 0);
  const flags = new Uint8Array(Math.ceil(size / 8));
  const parts = Array.from({ length: CHARMAP_PARTS }, () => '');
  for (let i = 0; i + 1 < chars.length; i += 2) {
    const bit = bitOf(chars[i]!.codePointAt(0)!);
    if (bit >= 0) flags[bit >> 3]! |= 1 << (bit & 7);
    parts[partOf(chars[i]!)] += chars[i]! + chars[i + 1]!;
  }
  return { flags, parts };
}

/** Browser side: the map, filled in as texts need it. */
export class LazyCharMap {
  readonly map = new Map<string, string>() as Map<string, string> & CharMap;
  private readonly parts = new Map<number, Promise<void>>();
  constructor(
    private readonly flags: Uint8Array,
    private readonly fetchPart: (k: number) => Promise<string>,
  ) {}

  private traditional(ch: string): boolean {
    const bit = bitOf(ch.codePointAt(0)!);
    return bit >= 0 && (this.flags[bit >> 3]! & (1 << (bit & 7))) !== 0;
  }

  /** Loads the pairs of every traditional character of `text`. */
  async need(text: string): Promise<void> {
    const wanted = new Set<number>();
    for (const ch of text) if (this.traditional(ch) && !this.map.has(ch)) wanted.add(partOf(ch));
    await Promise.all(
      [...wanted].map((k) => {
        let p = this.parts.get(k);
        if (!p) {
          p = this.fetchPart(k).then((pairs) => {
            const chars = [...pairs];
            for (let i = 0; i + 1 < chars.length; i += 2) this.map.set(chars[i]!, chars[i + 1]!);
          });
          p.catch(() => this.parts.delete(k));
          this.parts.set(k, p);
        }
        return p;
      }),
    );
  }
}
