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

/** The normalised form of a text. */
export function normaliseText(text: string, map: CharMap): string {
  let out = '';
  for (const ch of text) out += folded(map.get(ch) ?? ch);
  return out;
}

/**
 * The normalised text with, for each of its code units, the index in `text` of the character it
 * came from (for marking a match in the text as written).
 */
export function normaliseWithOffsets(text: string, map: CharMap): { text: string; from: number[] } {
  let out = '';
  const from: number[] = [];
  let i = 0;
  for (const ch of text) {
    const f = folded(map.get(ch) ?? ch);
    out += f;
    for (let k = 0; k < f.length; k++) from.push(i);
    i += ch.length;
  }
  return { text: out, from };
}
