/**
 * What a visitor's query means, decided the way Pagefind decides it: chunks separated by spaces,
 * each chunk cut into words by Intl.Segmenter (Pagefind 1.6 segments queries the same way).
 */
export interface ParsedQuery {
  /** The space-separated chunks as typed (trimmed, at most 8). */
  chunks: string[];
  /** Every word a result must contain, in order, without duplicates. */
  terms: string[];
}

const MAX_CHUNKS = 8;
const segmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('zh', { granularity: 'word' }) : null;

export function parseQuery(input: string): ParsedQuery {
  const chunks = input
    .normalize('NFKC')
    .replace(/["“”'‘’]/g, ' ')
    .split(/\s+/)
    // Punctuation and symbols around a chunk are not part of the text looked for (人才。, 《实施方案》);
    // inside one they are (越科〔2019〕91号).
    .map((c) => c.replace(/^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu, ''))
    .filter(Boolean)
    .slice(0, MAX_CHUNKS);
  const terms: string[] = [];
  for (const chunk of chunks) {
    const words = segmenter
      ? [...segmenter.segment(chunk)].filter((s) => s.isWordLike).map((s) => s.segment)
      : chunk.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    for (const w of words) if (!terms.includes(w)) terms.push(w);
  }
  return { chunks, terms };
}

/**
 * Pagefind's exact-phrase form of one chunk. Pagefind reads several quoted chunks as one phrase
 * ("越城区" "人才" finds only pages with 越城区 人才 side by side), so each chunk is searched alone.
 */
export function phraseQuery(chunk: string): string {
  return `"${chunk}"`;
}

/** Lowercased, width-folded, without spaces: how result text is compared with query terms. */
export function normaliseForMatch(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/** The terms a text lacks (both already folded to one script). */
export function missingTerms(text: string, terms: readonly string[]): string[] {
  const t = normaliseForMatch(text);
  return terms.filter((term) => !t.includes(normaliseForMatch(term)));
}

/**
 * A query that is a 文号 or an 索引号 is looked up exactly (they are index filters). Year brackets
 * typed as [ ] ( ) 【 】 （ ） are read as the 〔 〕 GB/T 9704 prescribes.
 */
export function identifierLookup(input: string): { key: '文号' | '索引号'; value: string } | null {
  const q = input.trim().replace(/\s+/g, '');
  const docNo = /^(\S+?)[〔[(（【](\d{4})[〕\])）】](\d+)号$/u.exec(q);
  if (docNo) return { key: '文号', value: `${docNo[1]}〔${docNo[2]}〕${Number(docNo[3])}号` };
  if (/^[0-9A-Z]{9}(?:[0-9A-Z]{9})?\/\d{4}-\d{1,6}$/i.test(q)) return { key: '索引号', value: q.toUpperCase() };
  return null;
}
