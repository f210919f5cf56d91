import * as OpenCC from 'opencc-js/t2cn';

let built: string | undefined;

/**
 * Build time only: every traditional character OpenCC maps to a single simplified one, as the
 * `繁简繁简…` pair string (see fold.ts). Worked out once per process: the tables, the truth of the
 * tests and the 17 character-map files all ask for it.
 */
export function buildCharPairs(): string {
  built ??= computePairs();
  return built;
}

function computePairs(): string {
  const convert = OpenCC.Converter({ from: 't', to: 'cn' });
  let pairs = '';
  for (const [lo, hi] of [
    [0x3400, 0x4dbf],
    [0x4e00, 0x9fff],
    [0xf900, 0xfaff],
  ] as const) {
    for (let cp = lo; cp <= hi; cp++) {
      const ch = String.fromCodePoint(cp);
      const s = convert(ch);
      if (s !== ch && [...s].length === 1) pairs += ch + s;
    }
  }
  return pairs;
}
