import { unsplit } from './presplit';
import { decodeCharacterReferences as decode } from '../html-text';

/**
 * Pagefind excerpts are HTML with <mark> around matched words. Reduce them to plain text runs and
 * marked runs, so the page builds DOM text nodes and never assigns HTML from the index.
 */
export interface ExcerptRun {
  text: string;
  mark: boolean;
}


/** Excerpts come from pre-split index text: rejoin Chinese words across marked and unmarked runs. */
export function excerptRuns(html: string): ExcerptRun[] {
  // Marks become private-use sentinels so words can be rejoined across their edges.
  const joined = unsplit(html.replace(/<mark>/g, '\ue000').replace(/<\/mark>/g, '\ue001').replace(/(?<=[\p{Script=Han}])\s*([\ue000\ue001])\s*(?=[\p{Script=Han}\ue000\ue001])/gu, '$1'));
  return rawExcerptRuns(joined.replace(/\ue000/g, '<mark>').replace(/\ue001/g, '</mark>'));
}

function rawExcerptRuns(html: string): ExcerptRun[] {
  const runs: ExcerptRun[] = [];
  const re = /<mark>([\s\S]*?)<\/mark>/g;
  let last = 0;
  for (const m of html.matchAll(re)) {
    if (m.index > last) runs.push({ text: decode(html.slice(last, m.index).replace(/<[^>]*>/g, '')), mark: false });
    runs.push({ text: decode(m[1]!.replace(/<[^>]*>/g, '')), mark: true });
    last = m.index + m[0].length;
  }
  if (last < html.length) runs.push({ text: decode(html.slice(last).replace(/<[^>]*>/g, '')), mark: false });
  // Adjacent marks (Pagefind marks 科技 and 创新 separately) read as one highlighted run.
  return runs.reduce<ExcerptRun[]>((acc, r) => {
    const prev = acc.at(-1);
    if (prev && prev.mark === r.mark) prev.text += r.text;
    else if (r.text) acc.push({ ...r });
    return acc;
  }, []);
}
