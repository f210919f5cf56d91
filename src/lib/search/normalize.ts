import type { CharMap } from './fold';

/**
 * What "the same text" means for search: traditional characters folded to simplified (the page's
 * one-to-one character map, so positions stay put), full-width forms and letter case folded
 * (NFKC per character, lower case), and spaces, punctuation and symbols left out. So
 * 越教[2024]205号 and 越教〔2024〕205号 are the same text, and so are a sentence pasted with or
 * without its commas. The build indexes text normalised here; the page normalises queries and
 * result texts here. Positions are UTF-16 code units of the normalised text.
 */
const DROP = /[\s\p{P}\p{S}\p{Cc}\p{Cf}]/u;

/** One character (code point) of text, normalised: '' when it is left out. */
function foldChar(ch: string): string {
  if (DROP.test(ch)) return '';
  const n = ch.normalize('NFKC').toLowerCase();
  if (n === ch) return ch;
  // NFKC may expand (㈠ → (一)): keep only what is itself kept.
  let out = '';
  for (const c of n) if (!DROP.test(c)) out += c;
  return out;
}

const cache = new Map<string, string>();
function folded(ch: string): string {
  let f = cache.get(ch);
  if (f === undefined) {
    f = foldChar(ch);
    if (cache.size < 65536) cache.set(ch, f);
  }
  return f;
}

const isDigit = (c: string | undefined) => c !== undefined && /^[0-9０-９]$/.test(c);

/**
 * Punctuation that is part of a number is kept: a decimal point between digits, and a per cent or
 * per mille sign after one (3.0% is not 30).
 */
function numberMark(ch: string, prev: string | undefined, next: string | undefined): string {
  const n = ch.normalize('NFKC');
  if (n === '.' && isDigit(prev) && isDigit(next)) return '.';
  if ((n === '%' || n === '‰') && isDigit(prev)) return n;
  return '';
}

/** The normalised text, calling `at` with the index in `text` of the character each code unit came from. */
function normalise(text: string, map: CharMap, at?: (index: number) => void): string {
  const chars = [...text];
  let out = '';
  let i = 0;
  for (let k = 0; k < chars.length; k++) {
    const ch = chars[k]!;
    const f = folded(map.get(ch) ?? ch) || numberMark(ch, chars[k - 1], chars[k + 1]);
    out += f;
    if (at) for (let u = 0; u < f.length; u++) at(i);
    i += ch.length;
  }
  return out;
}

/** The normalised form of a text. */
export function normaliseText(text: string, map: CharMap): string {
  return normalise(text, map);
}

/**
 * The normalised text with, for each of its code units, the index in `text` of the character it
 * came from (for marking a match in the text as written).
 */
export function normaliseWithOffsets(text: string, map: CharMap): { text: string; from: number[] } {
  const from: number[] = [];
  return { text: normalise(text, map, (i) => from.push(i)), from };
}
