import type { CharMap } from './fold';
import { normaliseWithOffsets } from './normalize';

/** An excerpt as runs of plain text, marked or not: the page builds DOM text nodes from them, never HTML. */
export interface ExcerptRun {
  text: string;
  mark: boolean;
}

/**
 * An excerpt of a notice's body (a record's text; the title and metadata table are not in it) around
 * the first place it holds one of `texts` (normalised query texts, the first preferred), with every
 * occurrence of them in it marked. A notice whose body holds none (found by its title or 索引号)
 * gets the beginning of its body, unmarked.
 */
export function excerptRuns(
  content: string,
  texts: readonly string[],
  map: CharMap,
  around = 36,
): ExcerptRun[] {
  // Pagefind keeps its word breaks in the text as zero-width spaces.
  const body = content.replace(/\u200b/g, '').trim();
  const { text: norm, from } = normaliseWithOffsets(body, map);
  const spans: Array<[number, number]> = [];
  for (const t of texts) {
    if (!t) continue;
    for (let i = norm.indexOf(t); i !== -1; i = norm.indexOf(t, i + t.length)) {
      const end = from[i + t.length - 1]!;
      spans.push([from[i]!, end + (body.codePointAt(end)! > 0xffff ? 2 : 1)]);
    }
  }
  const first = texts.map((t) => (t ? norm.indexOf(t) : -1)).find((i) => i !== -1);
  const centre = first === undefined ? 0 : from[first]!;
  const start = first === undefined ? 0 : Math.max(0, centre - around);
  spans.sort((a, b) => a[0] - b[0]);
  // A match at the window's end is shown whole, never cut.
  let end = Math.min(body.length, start + around * 3);
  for (const [s, e] of spans) if (s < end && e > end) end = e;
  const runs: ExcerptRun[] = [];
  if (start > 0) runs.push({ text: '…', mark: false });
  let at = start;
  for (const [s, e] of spans) {
    if (e <= at || s >= end) continue;
    const from = Math.max(s, at);
    if (from > at) runs.push({ text: body.slice(at, from), mark: false });
    runs.push({ text: body.slice(from, Math.min(e, end)), mark: true });
    at = Math.min(e, end);
  }
  if (at < end) runs.push({ text: body.slice(at, end), mark: false });
  if (end < body.length) runs.push({ text: '…', mark: false });
  return runs.reduce<ExcerptRun[]>((acc, r) => {
    const prev = acc.at(-1);
    if (prev && prev.mark === r.mark) prev.text += r.text;
    else if (r.text) acc.push({ ...r });
    return acc;
  }, []);
}
