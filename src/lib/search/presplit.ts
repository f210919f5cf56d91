/**
 * Build time: text for the search index, cut into words with Intl.Segmenter — the segmenter the
 * browser uses on queries (Pagefind segments queries with it), so the index and the queries agree
 * on what a word is. Words are separated by spaces; the search page removes the spaces between
 * Chinese characters again when it shows an excerpt.
 */
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

export function presplit(text: string): string {
  const out: string[] = [];
  for (const { segment } of segmenter.segment(text)) {
    const s = segment.trim();
    if (s) out.push(s);
  }
  return out.join(' ');
}

const CJK = '\\p{Script=Han}\\u3000-\\u303f\\uff00-\\uffef“”‘’—…·';

/** Undoes presplit() for display: no space beside a Chinese character or punctuation mark. */
export function unsplit(text: string): string {
  return text.replace(new RegExp(`(?<=[${CJK}])[ \\u00a0]+|[ \\u00a0]+(?=[${CJK}])`, 'gu'), '');
}
