import { toSimplified, type CharMap } from './fold';
import { identifierLookup, missingTerms, parseQuery, phraseQuery, type ParsedQuery } from './query';
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
  /** Pagefind's relevance score (its merged searches order by it). */
  score?: number;
  data(): Promise<PagefindData | null>;
}
export interface SearchOptions {
  filters?: Record<string, string>;
  sort?: Record<string, 'asc' | 'desc'>;
}
export interface PagefindLike {
  search(query: string | null, options?: SearchOptions): Promise<{ results: PagefindResult[] } | null>;
}

/** One search bundle: its own Pagefind instance, and the newest date it holds (none: an incremental build's delta bundle). */
export interface BundlePart {
  pf: PagefindLike;
  newest?: string;
}

/**
 * Several bundles searched as one. By relevance, results are ordered by score, as Pagefind's own
 * mergeIndex does. By date, mergeIndex also orders by score, which mixes its bundles' dates; the
 * shards hold date ranges that do not overlap, so their date-sorted lists are joined newest shard
 * first. A delta bundle's results (notices added or edited since the last full build, of any date)
 * go before the first shard whose newest notice is not newer than theirs: exact for an added
 * notice (the newest), approximate for an edited older one (it follows the whole shard holding its
 * date) until the next full build.
 */
export function mergedBundles(parts: readonly BundlePart[]): PagefindLike {
  if (parts.length === 1) return parts[0]!.pf;
  const shards = parts.filter((p) => p.newest).sort((a, b) => b.newest!.localeCompare(a.newest!));
  const deltas = parts.filter((p) => !p.newest);
  return {
    async search(query, options) {
      const found = await Promise.all(parts.map((p) => p.pf.search(query, options)));
      if (found.some((f) => !f)) return null;
      const of = (p: BundlePart) => found[parts.indexOf(p)]!.results;
      if (!options?.sort) return { results: found.flatMap((f) => f!.results).sort((a, b) => (b.score ?? 0) - (a.score ?? 0)) };
      const late = await Promise.all(deltas.flatMap(of).map(async (r) => ({ r, date: (await r.data())?.meta.date ?? '' })));
      late.sort((a, b) => b.date.localeCompare(a.date));
      const slot = (date: string) => {
        const k = shards.findIndex((s) => s.newest! <= date);
        return k === -1 ? shards.length : k;
      };
      const before = (k: number) => late.filter((l) => slot(l.date) === k).map((l) => l.r);
      return { results: [...shards.flatMap((shard, k) => [...before(k), ...of(shard)]), ...before(shards.length)] };
    },
  };
}

/**
 * The index as the build published it: records another bundle replaces (an incremental build's
 * changed notices, see src/lib/build/search-delta.ts) are never returned, counted or checked.
 */
export function withoutSuperseded(pf: PagefindLike, superseded: ReadonlySet<string>): PagefindLike {
  if (!superseded.size) return pf;
  return {
    async search(query, options) {
      const found = await pf.search(query, options);
      return found && { ...found, results: found.results.filter((r) => !superseded.has(r.id)) };
    },
  };
}

export interface SearchOutcome {
  /** The query as typed, and folded to simplified characters (what is searched). */
  query: ParsedQuery;
  folded: ParsedQuery;
  /** Terms found nowhere on the site. When any, `results` only match part of the query. */
  unknownTerms: string[];
  partial: boolean;
  /** Whether each term was searched alone (see checkTerms). */
  termsChecked: boolean;
  results: Array<PagefindResult & { exact: boolean }>;
}

/** The query as typed, and folded to simplified characters (what is searched and compared). */
export function parseFolded(input: string, map: CharMap): { query: ParsedQuery; folded: ParsedQuery } {
  const query = parseQuery(input);
  return { query, folded: parseQuery(toSimplified(query.chunks.join(' '), map)) };
}

/**
 * The answer when the term table (routes.ts) shows that no notice contains every term: `absent` are
 * the terms no notice contains at all (the outcome is then partial, with nothing to list).
 */
export function nothingFound(input: string, map: CharMap, absent: readonly string[]): { outcome: SearchOutcome; page: VerifiedResult[] } {
  const { query, folded } = parseFolded(input, map);
  return { outcome: { query, folded, unknownTerms: [...absent], partial: absent.length > 0, termsChecked: true, results: [] }, page: [] };
}

/**
 * One search, the way visitors mean it:
 * - the query is folded to simplified characters (traditional notices carry a simplified copy);
 * - a term Pagefind cannot find anywhere is not silently dropped: the outcome is partial;
 * - results containing the query text itself (Pagefind's exact-phrase query) come first,
 *   then those containing its words apart.
 */
export async function runSearch(pf: PagefindLike, input: string, map: CharMap, options: SearchOptions = {}, prefetch = 0): Promise<SearchOutcome> {
  const { query, folded } = parseFolded(input, map);
  if (folded.terms.length === 0) return { query, folded, unknownTerms: [], partial: false, termsChecked: true, results: [] };

  const plain = folded.chunks.join(' ');
  // A 文号 or 索引号 typed whole is looked up exactly and comes first.
  const id = identifierLookup(query.chunks.join(''));
  const needsPhrase = folded.chunks.some((c) => [...c].length > 1) && (folded.chunks.length > 1 || folded.terms.length > 1);
  // The phrase query goes to Pagefind's worker first: it is quick, and while the worker scores the loose
  // query (slow: its words also match as prefixes of longer words) the first `prefetch` results with the
  // query text load on this thread. They lead the first page (mergeRanked), which verifyWindow then has at hand.
  const exactSearch = needsPhrase ? Promise.all(folded.chunks.map((c) => pf.search(phraseQuery(c), options))).then(everyChunk) : Promise.resolve(null);
  if (prefetch) void exactSearch.then((r) => r?.results.slice(0, prefetch).forEach((x) => void x.data().catch(() => null)), () => null);
  const [byIdResult, loose, exact] = await Promise.all([
    id ? pf.search(null, { ...options, filters: { ...options.filters, [id.key]: id.value } }) : Promise.resolve(null),
    pf.search(plain, options),
    exactSearch,
  ]);
  const byId = byIdResult?.results ?? [];
  const looseResults = loose?.results ?? [];
  const base = { query, folded, unknownTerms: [] as string[], partial: false };
  if (byId.length) return { ...base, termsChecked: true, results: mergeRanked(byId, looseResults) };
  if (looseResults.length) return { ...base, termsChecked: false, results: mergeRanked(exact?.results ?? looseResults, looseResults) };
  return checkTerms(pf, { ...base, termsChecked: false, results: [] }, map, options);
}

/** The first chunk's phrase results that every other chunk's phrase query also found, in its order. */
function everyChunk(found: ReadonlyArray<{ results: PagefindResult[] } | null>): { results: PagefindResult[] } | null {
  if (found.some((f) => !f)) return null;
  const others = found.slice(1).map((f) => new Set(f!.results.map((r) => r.id)));
  return { results: found[0]!.results.filter((r) => others.every((ids) => ids.has(r.id))) };
}

/**
 * Searches each term alone, unfiltered. A term found nowhere on the site makes the outcome partial
 * (Pagefind would drop it silently); when every term exists but the combined query found nothing
 * (its index and query segmentation can disagree on single characters), the rarest term's pages
 * become the candidates and verification keeps those that really contain the query.
 * Only run when needed: it costs one search per term, and a common term alone is the slowest search
 * there is (every page, every position: 火星创新 took 9.4 s at 100,000 notices), so terms `seen` in a
 * loaded result's text are known to exist and not searched. A term counts as found only if Pagefind's
 * answer holds it (holdsTerm). What it returns keeps to the search's filters.
 */
export async function checkTerms(pf: PagefindLike, outcome: SearchOutcome, map: CharMap, options: SearchOptions = {}, seen: ReadonlySet<string> = new Set()): Promise<SearchOutcome> {
  const { folded } = outcome;
  const alone = await Promise.all(folded.terms.map((t) => (seen.has(t) ? null : pf.search(t))));
  const counts = await Promise.all(
    folded.terms.map(async (t, i) => (seen.has(t) ? Infinity : (await holdsTerm(alone[i]?.results ?? [], t, map)) ? alone[i]!.results.length : 0)),
  );
  const unknownTerms = folded.terms.filter((_, i) => counts[i] === 0);
  if (unknownTerms.length) {
    const known = unknownTerms.length < folded.terms.length;
    // Pagefind's own results dropped an unknown term, unless it answered one with a shorter beginning: then they are narrowed by it.
    const shortened = unknownTerms.some((t) => (alone[folded.terms.indexOf(t)]?.results.length ?? 0) > 0);
    const loose = known ? outcome.results.length && !shortened ? outcome.results : ((await pf.search(folded.terms.filter((t) => !unknownTerms.includes(t)).join(' '), options))?.results ?? []) : [];
    return { ...outcome, unknownTerms, partial: true, termsChecked: true, results: mergeRanked([], loose) };
  }
  if (outcome.results.length) return { ...outcome, termsChecked: true };
  const rarest = (await pf.search(folded.terms[counts.indexOf(Math.min(...counts))]!, options))?.results ?? [];
  return { ...outcome, termsChecked: true, results: mergeRanked([], rarest) };
}

/**
 * Whether Pagefind really found `term`. For a word its index lacks, Pagefind 1.6 answers with the
 * pages holding a shorter beginning of it (alert → the "A" of "A类"), so a term counts as found only
 * when one of its first results contains it. Pagefind finds a word it has before any shorter one.
 */
async function holdsTerm(results: readonly PagefindResult[], term: string, map: CharMap): Promise<boolean> {
  const first = await Promise.all(results.slice(0, 3).map((r) => r.data()));
  return first.some((d) => d && missingTerms(foldedText(d, map), [term]).length === 0);
}

/**
 * The results without Pagefind's answers to shortened words. A bundle that lacks a word answers it
 * with the pages holding a shorter beginning of it (holdsTerm), so a word found in one bundle
 * brings junk from the others, and the count says "找到 241 条结果" for a telephone number one notice
 * has. Pagefind's exact-phrase search never shortens: a result is kept if the phrase search of
 * each (known) word of two or more characters found it too. Only run when verification dropped
 * results, as it costs a search per word.
 */
async function withoutShortenedMatches(pf: PagefindLike, outcome: SearchOutcome, options: SearchOptions): Promise<SearchOutcome> {
  const words = outcome.folded.terms.filter((t) => [...t].length > 1 && !outcome.unknownTerms.includes(t));
  const found = await Promise.all(words.map((t) => pf.search(phraseQuery(t), options)));
  const sets = found.map((f) => new Set((f?.results ?? []).map((r) => r.id)));
  if (!sets.length) return outcome;
  return { ...outcome, results: outcome.results.filter((r) => sets.every((ids) => ids.has(r.id))) };
}

export interface VerifiedResult {
  data: PagefindData;
  /** Contains every chunk of the query as typed (folded), not only its words apart. */
  exact: boolean;
}

/**
 * Loads a window of results and keeps only those containing every query term, results with the
 * query text itself first. Pagefind's order is kept inside each group.
 */
export async function verifyWindow(results: readonly PagefindResult[], outcome: SearchOutcome, map: CharMap): Promise<VerifiedResult[]> {
  const loaded = await Promise.all(results.map((r) => r.data()));
  const kept: VerifiedResult[] = [];
  for (const data of loaded) {
    // Data Pagefind could not give (it gives null for a released result) cannot be checked: not shown.
    if (!data) continue;
    const text = foldedText(data, map);
    if (lacksTerms(text, outcome).length) continue;
    kept.push({ data, exact: missingTerms(text, outcome.folded.chunks).length === 0 });
  }
  return [...kept.filter((k) => k.exact), ...kept.filter((k) => !k.exact)];
}

/** A result's title and text, folded to simplified characters like the query. */
function foldedText(data: PagefindData, map: CharMap): string {
  return toSimplified(`${data.meta.title ?? ''} ${data.content}`, map);
}

/**
 * The safety net behind "never show a result that lacks a query term": a loaded result is shown
 * only if its folded text (foldedText) contains every term.
 */
export function lacksTerms(text: string, outcome: SearchOutcome): string[] {
  const terms = outcome.partial ? outcome.folded.terms.filter((t) => !outcome.unknownTerms.includes(t)) : outcome.folded.terms;
  return missingTerms(text, terms);
}

/**
 * The first page of a search, as visitors see it: run the search, verify a page of results, and
 * if verification drops any (a term Pagefind silently ignored?) check the terms and start again.
 */
export async function firstPage(
  pf: PagefindLike,
  input: string,
  map: CharMap,
  options: SearchOptions,
  size: number,
): Promise<{ outcome: SearchOutcome; page: VerifiedResult[] }> {
  let outcome = await runSearch(pf, input, map, options, size);
  let page = await verifyWindow(outcome.results.slice(0, size), outcome, map);
  if (!outcome.termsChecked && page.length < Math.min(size, outcome.results.length)) {
    // Pagefind has these loaded already; a term they contain exists.
    const texts = (await Promise.all(outcome.results.slice(0, size).map((r) => r.data()))).flatMap((d) => (d ? [foldedText(d, map)] : []));
    const seen = new Set(outcome.folded.terms.filter((t) => texts.some((text) => text.includes(t))));
    outcome = await checkTerms(pf, outcome, map, options, seen);
    page = await verifyWindow(outcome.results.slice(0, size), outcome, map);
    if (page.length < Math.min(size, outcome.results.length)) {
      outcome = await withoutShortenedMatches(pf, outcome, options);
      page = await verifyWindow(outcome.results.slice(0, size), outcome, map);
    }
  }
  return { outcome, page };
}
