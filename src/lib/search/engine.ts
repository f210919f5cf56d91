import { toSimplified, type CharMap } from './fold';
import { missingTerms, parseQuery, phraseQuery, type ParsedQuery } from './query';
import { mergeRanked } from './rank';

/** The part of Pagefind's browser API the search page uses (typed here; pagefind.js is loaded at run time). */
export interface PagefindData {
  url: string;
  content: string;
  excerpt: string;
  meta: Record<string, string>;
}
export interface PagefindResult {
  id: string;
  data(): Promise<PagefindData>;
}
export interface SearchOptions {
  filters?: Record<string, string>;
  sort?: Record<string, 'asc' | 'desc'>;
}
export interface PagefindLike {
  search(query: string, options?: SearchOptions): Promise<{ results: PagefindResult[] } | null>;
}

export interface SearchOutcome {
  /** The query as typed, and folded to simplified characters (what is searched). */
  query: ParsedQuery;
  folded: ParsedQuery;
  /** Terms found nowhere on the site. When any, `results` only match part of the query. */
  unknownTerms: string[];
  partial: boolean;
  results: Array<PagefindResult & { exact: boolean }>;
}

/**
 * One search, the way visitors mean it:
 * - the query is folded to simplified characters (traditional notices carry a simplified copy);
 * - a term Pagefind cannot find anywhere is not silently dropped: the outcome is partial;
 * - results containing the query text itself (Pagefind's exact-phrase query) come first,
 *   then those containing its words apart.
 */
export async function runSearch(pf: PagefindLike, input: string, map: CharMap, options: SearchOptions = {}): Promise<SearchOutcome> {
  const query = parseQuery(input);
  const folded = parseQuery(toSimplified(query.chunks.join(' '), map));
  if (folded.terms.length === 0) return { query, folded, unknownTerms: [], partial: false, results: [] };

  const plain = folded.chunks.join(' ');
  const needsPhrase = folded.chunks.some((c) => [...c].length > 1) && (folded.chunks.length > 1 || folded.terms.length > 1);
  const [loose, exact, ...alone] = await Promise.all([
    pf.search(plain, options),
    needsPhrase ? pf.search(phraseQuery(folded.chunks), options) : Promise.resolve(null),
    // Each term on its own, unfiltered: does the site contain it at all?
    ...folded.terms.map((t) => pf.search(t)),
  ]);
  const unknownTerms = folded.terms.filter((_, i) => (alone[i]?.results.length ?? 0) === 0);
  const looseResults = loose?.results ?? [];
  if (unknownTerms.length) {
    const known = unknownTerms.length < folded.terms.length;
    return { query, folded, unknownTerms, partial: true, results: known ? mergeRanked([], looseResults) : [] };
  }
  return { query, folded, unknownTerms, partial: false, results: mergeRanked(exact?.results ?? looseResults, looseResults) };
}

/**
 * The safety net behind "never show a result that lacks a query term": a loaded result is shown
 * only if its text (folded like the query) contains every term.
 */
export function lacksTerms(data: PagefindData, outcome: SearchOutcome, map: CharMap): string[] {
  const text = toSimplified(`${data.meta.title ?? ''} ${data.content}`, map);
  const terms = outcome.partial ? outcome.folded.terms.filter((t) => !outcome.unknownTerms.includes(t)) : outcome.folded.terms;
  return missingTerms(text, terms);
}
