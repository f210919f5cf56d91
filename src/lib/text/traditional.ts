import { buildCharPairs } from '../search/char-map';

let traditional: RegExp | undefined;

/**
 * The share of a text's Han characters that exist only in traditional script (OpenCC maps them to
 * a different simplified character). Only the start of a long text is read: a notice written in
 * traditional characters shows it in its first lines.
 */
export function traditionalShare(text: string, limit = 1200): number {
  traditional ??= new RegExp(`[${[...buildCharPairs()].filter((_, i) => i % 2 === 0).join('')}]`, 'gu');
  const sample = text.slice(0, limit);
  const han = sample.match(/\p{Script=Han}/gu)?.length ?? 0;
  if (han < 20) return 0;
  return (sample.match(traditional)?.length ?? 0) / han;
}

/** At least this share marks a text as traditional (the importer's rule: legacy/script.ts). */
export const TRADITIONAL_SHARE = 0.05;
