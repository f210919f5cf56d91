import * as OpenCC from 'opencc-js/t2cn';

/**
 * Build time only: every traditional character OpenCC maps to a single simplified one, as the
 * `繁简繁简…` pair string the search page downloads (see fold.ts).
 */
export function buildCharPairs(): string {
  const convert = OpenCC.Converter({ from: 't', to: 'cn' });
  let pairs = '';
  for (const [lo, hi] of [[0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xf900, 0xfaff]] as const) {
    for (let cp = lo; cp <= hi; cp++) {
      const ch = String.fromCodePoint(cp);
      const s = convert(ch);
      if (s !== ch && [...s].length === 1) pairs += ch + s;
    }
  }
  return pairs;
}

/** Converts a whole text (phrases included) to simplified characters with OpenCC, at build time. */
export function textToSimplified(text: string): string {
  return OpenCC.Converter({ from: 't', to: 'cn' })(text);
}
