import type { CharMap } from './fold';
import { normaliseText } from './normalize';

/**
 * What a visitor's query asks, decided before anything is fetched:
 * - chunks are separated by spaces; a quoted part ("…" “…” 「…」) is one chunk whatever it holds;
 * - each chunk means its text, normalised (normalize.ts): traditional and simplified the same,
 *   spaces and punctuation inside it ignored — so a 文号 or 索引号 in any bracket or separator form
 *   is the same chunk, and a pasted sentence is one chunk;
 * - the answer is the notices holding every chunk, with the chosen filters; no text and no filter
 *   asks for words; no text but a filter lists that filter's notices.
 */
export interface SearchRequest {
  q: string;
  filters: Record<string, string>;
  sort: 'relevance' | 'date';
}

export interface Chunk {
  /** As typed (for messages). */
  text: string;
  /** Normalised: what a notice must hold. */
  norm: string;
}

export type Plan =
  | { kind: 'empty'; request: SearchRequest }
  /** Typed something, but only punctuation or symbols. */
  | { kind: 'punctuation'; request: SearchRequest }
  | { kind: 'filters'; request: SearchRequest }
  | {
      kind: 'text';
      request: SearchRequest;
      chunks: Chunk[];
      /** With several chunks: their texts side by side (a notice holding it ranks first). */
      whole: string | null;
      /** Only Latin letters and digits: a miss is answered with what the site is searched by. */
      latin: boolean;
    };

const MAX_CHUNKS = 8;
const QUOTES = /["“”„「」『』＂]/;

/**
 * The chunks as typed: the rest split at spaces, and a quoted part whole. A quote opens a quoted part
 * only where a chunk starts (at the beginning or after a space) and closes it where one ends, so a
 * sentence pasted with quotation marks inside (持续推进“315”科技创新体系) stays one chunk.
 */
export function splitChunks(q: string): string[] {
  const out: string[] = [];
  const chars = [...q];
  let chunk = '';
  let quoted = false;
  const end = () => {
    if (chunk.trim()) out.push(chunk.trim());
    chunk = '';
  };
  chars.forEach((ch, i) => {
    const atStart = i === 0 || /\s/.test(chars[i - 1]!);
    const atEnd = i === chars.length - 1 || /\s/.test(chars[i + 1]!);
    // …and only if a quote closes it where a chunk ends.
    const closes = () =>
      chars.some(
        (c, j) =>
          j > i + 1 && QUOTES.test(c) && (j === chars.length - 1 || /\s/.test(chars[j + 1]!)),
      );
    if (QUOTES.test(ch) && !quoted && atStart && closes()) {
      end();
      quoted = true;
    } else if (QUOTES.test(ch) && quoted && atEnd) {
      end();
      quoted = false;
    } else if (!quoted && /\s/.test(ch)) end();
    else chunk += ch;
  });
  end();
  return out;
}

export function planSearch(request: SearchRequest, map: CharMap): Plan {
  const typed = request.q.trim();
  if (!typed)
    return Object.keys(request.filters).length
      ? { kind: 'filters', request }
      : { kind: 'empty', request };
  const chunks: Chunk[] = [];
  for (const text of splitChunks(typed)) {
    const norm = normaliseText(text, map);
    if (norm && !chunks.some((c) => c.norm === norm)) chunks.push({ text, norm });
  }
  if (!chunks.length) return { kind: 'punctuation', request };
  const kept = chunks.slice(0, MAX_CHUNKS);
  return {
    kind: 'text',
    request,
    chunks: kept,
    whole: kept.length > 1 ? kept.map((c) => c.norm).join('') : null,
    latin: kept.every((c) => /^[a-z0-9]+$/.test(c.norm)) && kept.some((c) => /[a-z]/.test(c.norm)),
  };
}

/** The 4-character pieces whose positions prove a longer text: at offsets 0, 4, 8 … and its last 4. */
export function coveringGrams(norm: string, gram: number): Array<{ gram: string; offset: number }> {
  const out: Array<{ gram: string; offset: number }> = [];
  for (let o = 0; o + gram <= norm.length; o += gram)
    out.push({ gram: norm.slice(o, o + gram), offset: o });
  const last = norm.length - gram;
  if (out.at(-1)!.offset !== last) out.push({ gram: norm.slice(last), offset: last });
  return out;
}

/** Words of a chunk, for the answer when no notice holds the text itself (Intl.Segmenter, as browsers cut Chinese). */
export function wordsOf(chunks: readonly Chunk[], map: CharMap): string[] {
  const seg = new Intl.Segmenter('zh', { granularity: 'word' });
  const out: string[] = [];
  for (const c of chunks) {
    for (const s of seg.segment(c.text)) {
      if (!s.isWordLike) continue;
      const norm = normaliseText(s.segment, map);
      if (norm && !out.includes(norm)) out.push(norm);
    }
  }
  return out;
}
