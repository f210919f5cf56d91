/**
 * The /search/ page: Pagefind's own JS API driven by gongkai's search rules (src/lib/search).
 * Results are built as DOM text nodes; nothing from the index is assigned as HTML.
 */
import { parseCharMap, type CharMap } from '../lib/search/fold';
import { firstPage, nothingFound, parseFolded, verifyWindow, withoutSuperseded, mergedBundles, type PagefindData, type PagefindLike, type SearchOptions, type SearchOutcome, type VerifiedResult } from '../lib/search/engine';
import { excerptRuns } from '../lib/search/excerpt';
import { bundlesForYear, RECENT_FILTER, recentHoldsAll, recentIsEnough, YEAR_FILTER, yearHeadValue, type YearHead } from '../lib/search/scope';
import { bucketOf, bucketsFor, parseBucket, termFile, termRoutes, type TermRoutes } from '../lib/search/routes';
import { identifierLookup, parseQuery } from '../lib/search/query';
import { formatDateZh } from '../lib/site/format';
import type { BundleList } from '../lib/build/search-delta';

const PAGE = 10;

interface Pagefind extends PagefindLike {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
}
/** pagefind.js (1.6): instances share its worker and keep their own bundles. */
interface PagefindModule {
  createInstance(options?: { basePath?: string }): Pagefind;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...children);
  return e;
}

export async function startSearchPage(): Promise<void> {
  const app = document.getElementById('search-app');
  if (!app) return;
  const form = document.getElementById('search-form') as HTMLFormElement;
  const input = document.getElementById('search-q') as HTMLInputElement;
  const sortSelect = document.getElementById('search-sort') as HTMLSelectElement;
  const filterSelects = [...app.querySelectorAll<HTMLSelectElement>('select[data-filter]')];
  const status = document.getElementById('search-status')!;
  const section = document.getElementById('search-results')!;
  const heading = document.getElementById('search-results-heading')!;
  const list = document.getElementById('search-result-list')!;
  const more = document.getElementById('search-more') as HTMLButtonElement;
  const scope = document.getElementById('search-scope')!;
  const everythingButton = document.getElementById('search-everything') as HTMLButtonElement;
  const care = app.dataset.mode === 'care';

  const params = new URLSearchParams(location.search);
  input.value = params.get('q') ?? '';
  sortSelect.value = params.get('sort') === 'date' ? 'date' : '';
  for (const s of filterSelects) s.value = params.get(s.dataset.filter!) ?? '';

  let charMap: CharMap;
  /** The newest notices' bundles (src/lib/search/scope.ts), searched first when there are older ones. */
  let recent: { since: string; bundles: string[]; pagefind: PagefindLike } | null = null;
  /** The bundles a search filtered to this year (or unfiltered) needs, opened when first needed. */
  let bundlesFor: (year: string | undefined) => Promise<PagefindLike>;
  /** One instance over the given bundles, opened when first needed. */
  let instance: (list: readonly string[]) => Promise<PagefindLike>;
  /** Which bundles may hold a query's terms, and its `phrases` (null: no term table, or it could not be read). */
  let routesFor: (terms: readonly string[], phrases: readonly string[]) => Promise<TermRoutes | null> = async () => null;
  let allBundles: string[] = [];
  let ranges: BundleList['ranges'];
  /** By year: the bundles a search filtered to that year opens first (large sites; scope.ts YearHead). */
  let yearHeads: Record<string, YearHead> = {};
  // The visitor asked to search everything (the button, or scope=all in a shared link).
  let everything = params.get('scope') === 'all';
  try {
    // The build lists its search bundles (one per shard, and an incremental build's changes).
    const listed = (await fetch(app.dataset.bundleList ?? '/search/bundles.json').then((r) => (r.ok ? r.json() : null)).catch(() => null)) as Partial<BundleList> | null;
    const bundles = listed?.bundles?.length ? listed.bundles : ['/pagefind/'];
    const superseded = new Set(listed?.superseded ?? []);
    const [lib, pairs] = await Promise.all([
      import(/* @vite-ignore */ `${bundles[0]}pagefind.js`) as Promise<PagefindModule>,
      fetch(app.dataset.charmap!).then((r) => (r.ok ? r.text() : '')),
    ]);
    charMap = parseCharMap(pairs);
    /** One Pagefind instance per bundle, searched as one (mergedBundles: Pagefind's mergeIndex loses a date order). */
    const open = async (list: readonly string[]): Promise<PagefindLike> => {
      const parts = [];
      for (const basePath of list) {
        const pf = lib.createInstance({ basePath });
        // `ranking: {}` changes no weight (same results and scores, measured) but makes options() wait
        // until this instance's WebAssembly is loaded: pagefind.js 1.6 acknowledges init at once and
        // loads it later, and an instance created while another one's is still loading instantiates
        // the module twice, after which the search hangs with no error (3 of 60 year-filtered searches).
        await pf.options({ excerptLength: 40, ranking: {} });
        await pf.init();
        parts.push({ pf, newest: listed?.ranges?.[basePath]?.[1] });
      }
      return withoutSuperseded(mergedBundles(parts), superseded);
    };
    // One instance per list of bundles: a year's shards can be the recent bundles themselves.
    const opened = new Map<string, Promise<PagefindLike>>();
    instance = (list) => {
      const key = list.join(' ');
      if (!opened.has(key)) opened.set(key, open(list));
      return opened.get(key)!;
    };
    bundlesFor = (year) => instance(bundlesForYear(bundles, listed?.ranges, year));
    allBundles = bundles;
    ranges = listed?.ranges;
    yearHeads = listed?.yearHeads ?? {};
    const table = listed?.terms;
    if (table) {
      const fetched = new Map<number, Promise<Map<string, string>>>();
      const bucket = (k: number) => {
        if (!fetched.has(k)) {
          const loading = fetch(`/${termFile(k)}`).then((r) => (r.ok ? r.text() : Promise.reject(new Error(`${r.status}`))));
          // A failed fetch is tried again by the next search.
          fetched.set(k, loading.then(parseBucket, (err: unknown) => (fetched.delete(k), Promise.reject(err))));
        }
        return fetched.get(k)!;
      };
      routesFor = async (terms, phrases) => {
        const ks = bucketsFor([...terms, ...phrases], table.buckets);
        const maps = new Map(await Promise.all(ks.map(async (k) => [k, await bucket(k)] as const)).catch(() => []));
        if (maps.size < ks.length) return null;
        return termRoutes(table, terms, (g) => maps.get(bucketOf(g, table.buckets))!.get(g));
      };
    }
    const newest = listed?.recent;
    if (newest?.bundles.length && bundles.some((b) => !newest.bundles.includes(b))) recent = { since: newest.since, bundles: newest.bundles, pagefind: await instance(newest.bundles) };
    else await bundlesFor(undefined);
  } catch {
    status.textContent = '搜索暂时无法使用，请稍后再试，或通过信息公开目录查找。';
    return;
  }

  let outcome: SearchOutcome | null = null;
  let shown = 0;
  let run = 0;

  function options(): SearchOptions {
    const filters: Record<string, string> = {};
    for (const s of filterSelects) if (s.value) filters[s.dataset.filter!] = s.value;
    return { filters, ...(sortSelect.value === 'date' ? { sort: { date: 'desc' } } : {}) };
  }

  function syncUrl(): void {
    const p = new URLSearchParams();
    if (input.value.trim()) p.set('q', input.value.trim());
    for (const s of filterSelects) if (s.value) p.set(s.dataset.filter!, s.value);
    if (sortSelect.value) p.set('sort', sortSelect.value);
    if (everything && recent) p.set('scope', 'all');
    history.replaceState(null, '', `${location.pathname}${p.size ? `?${p}` : ''}`);
  }

  function resultItem(data: PagefindData, exact: boolean): HTMLLIElement {
    const href = care ? `/care${new URL(data.url, location.origin).pathname}` : data.url;
    const excerpt = el('p', { class: 'result-excerpt' });
    for (const run of excerptRuns(data.excerpt)) excerpt.append(run.mark ? el('mark', {}, run.text) : run.text);
    const meta = el('p', { class: 'result-meta' }, `索引号：${data.meta.indexNo ?? ''}　发布机构：${data.meta.issuer ?? ''}　发文日期：${data.meta.date ?? ''}`);
    const title = el('a', { href, ...(data.meta.lang === 'zh-Hant' ? { lang: 'zh-Hant' } : {}) }, data.meta.title ?? data.url);
    return el('li', { class: exact ? 'result exact' : 'result' }, el('h3', {}, title), meta, excerpt);
  }

  function append(verified: VerifiedResult[]): void {
    for (const v of verified) list.append(resultItem(v.data, v.exact));
  }

  async function showMore(current: number): Promise<void> {
    if (!outcome) return;
    const batch = outcome.results.slice(shown, shown + PAGE);
    // Never show a result that lacks a query term; the query text itself first.
    const verified = await verifyWindow(batch, outcome, charMap);
    if (current !== run) return;
    append(verified);
    shown += batch.length;
    more.hidden = shown >= outcome.results.length;
  }

  async function search(): Promise<void> {
    const current = ++run;
    const started = performance.now();
    app!.dataset.state = 'searching';
    syncUrl();
    list.replaceChildren();
    shown = 0;
    const q = input.value.trim();
    if (!q) {
      section.hidden = true;
      status.textContent = '';
      app!.dataset.state = 'idle';
      return;
    }
    scope.hidden = true;
    // Only punctuation: Pagefind would ignore all of it, and "没有找到包含的结果" would name nothing.
    if (!parseQuery(q).terms.length) {
      outcome = null;
      section.hidden = true;
      more.hidden = true;
      status.textContent = '请输入要查找的字词：只有标点符号，无法搜索。';
      app!.dataset.query = q;
      app!.dataset.ms = String(Math.round(performance.now() - started));
      app!.dataset.state = 'done';
      return;
    }
    status.textContent = '正在搜索…';
    // The newest notices first (src/lib/search/scope.ts), unless the visitor asked for everything or
    // for an older year; then the bundles that may hold the query (answer(), below).
    const chosen = options();
    const year = chosen.filters?.[YEAR_FILTER];
    const holdsAll = !!recent && recentHoldsAll(recent.since, chosen.filters);
    /** The chosen options, narrowed to the records marked for a search made first (scope.ts). */
    const scoped = (value: string): SearchOptions => ({ ...chosen, filters: { ...chosen.filters, [RECENT_FILTER.key]: value } });
    const recentPage = recent && (holdsAll || (!everything && !year)) ? await firstPage(recent.pagefind, q, charMap, scoped(RECENT_FILTER.value), PAGE) : null;
    // Filtered to a year of a large site: that year's newest notices first, as the newest of all above.
    const head = year && !everything && !holdsAll ? yearHeads[year] : undefined;
    // The delta bundle (no date range) holds notices of any year: edited and new ones.
    const headPage = head && year ? await firstPage(await instance([...head.bundles, ...allBundles.filter((b) => !ranges?.[b])]), q, charMap, scoped(yearHeadValue(year)), PAGE) : null;
    const headAnswer = head && headPage && recentIsEnough(headPage.outcome, headPage.page, PAGE) ? { page: headPage, narrow: true, since: head.since } : null;
    const { page: first, narrow, since: from } = headAnswer ?? { ...(await answer(q, chosen, year, holdsAll, recentPage)), since: recent?.since ?? '' };
    if (current !== run) return;
    outcome = first.outcome;
    const terms = outcome.query.terms.map((t) => `「${t}」`).join('');
    const since = from ? formatDateZh(from) : '';
    // A year's head covers its notices from `since` to the year's end.
    const within = narrow ? (headAnswer ? `${since}至${year}年底发布的信息中` : `${since}以来发布的信息中`) : '';
    if (outcome.partial) {
      const missing = outcome.unknownTerms.map((t) => `「${t}」`).join('');
      status.textContent = outcome.results.length
        ? `没有找到同时包含${terms}的结果（本站没有${missing}）。下面列出${within}只包含部分关键词的 ${outcome.results.length} 条结果。`
        : `没有找到包含${terms}的结果。`;
      heading.textContent = `${within}只包含部分关键词的结果（不含${missing}）`;
    } else {
      status.textContent = outcome.results.length ? `${narrow ? '在' : ''}${within}找到 ${outcome.results.length} 条结果。` : `没有找到包含${terms}的结果。`;
      heading.textContent = narrow ? `${within}的搜索结果` : '搜索结果';
    }
    everythingButton.textContent = `也搜索${since}以前发布的信息`;
    scope.hidden = !narrow;
    section.hidden = outcome.results.length === 0;
    append(first.page);
    shown = Math.min(PAGE, outcome.results.length);
    more.hidden = shown >= outcome.results.length;
    // For tests and assistive tooling: the results for this query are on the page.
    if (current === run) {
      app!.dataset.query = q;
      app!.dataset.ms = String(Math.round(performance.now() - started));
      app!.dataset.state = outcome.partial ? 'partial' : 'done';
    }
  }

  type Page = Awaited<ReturnType<typeof firstPage>>;

  /**
   * What the visitor sees first: the recent bundles' answer when it is enough (scope.ts, or the term
   * table shows the older bundles cannot improve on it), else that of the bundles the table says may
   * hold the query (routes.ts), else that of every bundle of the year.
   * `narrow`: the answer covers the recent notices only, and the page offers to search everything.
   */
  async function answer(q: string, chosen: SearchOptions, year: string | undefined, holdsAll: boolean, recentPage: Page | null): Promise<{ page: Page; narrow: boolean }> {
    if (recentPage && (holdsAll ? !recentPage.outcome.partial : recentIsEnough(recentPage.outcome, recentPage.page, PAGE))) return { page: recentPage, narrow: !holdsAll };
    const routed = await routedAnswer(q, chosen, year, holdsAll, recentPage);
    if (routed) return routed;
    let page = await firstPage(await bundlesFor(year), q, charMap, chosen, PAGE);
    // "本站没有…" is said of the whole site: a term unknown in the year's bundles is looked for in every bundle.
    if (page.outcome.partial && year) page = await firstPage(await bundlesFor(undefined), q, charMap, chosen, PAGE);
    return { page, narrow: false };
  }

  /** The answer from only the bundles that may hold the query's terms; null when the table cannot tell. */
  async function routedAnswer(q: string, chosen: SearchOptions, year: string | undefined, holdsAll: boolean, recentPage: Page | null): Promise<{ page: Page; narrow: boolean } | null> {
    const { query, folded } = parseFolded(q, charMap);
    // A 文号 or 索引号 is looked up by its filter, which the table knows nothing of.
    if (identifierLookup(query.chunks.join(''))) return null;
    const routes = await routesFor(folded.terms, folded.chunks);
    if (!routes) return null;
    const prior = recentPage?.outcome;
    // A full page of recent notices with the terms apart, and no older bundle can hold the query text
    // itself: the older ones have nothing of a better kind to add to this page.
    const olderBundles = allBundles.filter((b) => !recent?.bundles.includes(b));
    if (recentPage && prior && !holdsAll && !prior.partial && recentPage.page.length >= PAGE && !routes.bundlesFor(olderBundles, folded.chunks).length) return { page: recentPage, narrow: true };
    // The recent bundles' unknown terms are in no other bundle either: "本站没有…" is true of the site.
    if (recentPage && prior?.partial && prior.unknownTerms.every((t) => routes.absent.includes(t))) {
      if (prior.unknownTerms.length === folded.terms.length) return { page: recentPage, narrow: false };
      // A full page of recent notices with the other terms, as for a complete match (recentIsEnough).
      if (!holdsAll && recentPage.page.length >= PAGE) return { page: recentPage, narrow: true };
    }
    const candidates = bundlesForYear(allBundles, ranges, year);
    const wanted = folded.terms.filter((t) => !routes.absent.includes(t));
    const list = wanted.length ? routes.bundlesFor(candidates, wanted) : routes.outside(candidates);
    if (!list.length) return { page: nothingFound(q, charMap, routes.absent), narrow: false };
    const page = await firstPage(await instance(list), q, charMap, chosen, PAGE);
    // Pagefind did not find a term the table has (its word segmentation is not plain text): ask every bundle.
    if (page.outcome.partial && page.outcome.unknownTerms.some((t) => !routes.absent.includes(t))) return null;
    return { page, narrow: false };
  }

  /** A search that throws must not leave "正在搜索…" on screen for ever: say so, and how to go on. */
  function failed(current: number): void {
    if (current !== run) return;
    status.textContent = '搜索出错了，请再试一次，或通过信息公开目录查找。';
    app!.dataset.query = input.value.trim();
    app!.dataset.state = 'error';
  }
  /** Resolves true when this search's results are on the page (false if it failed or was overtaken). */
  const searchSafely = (): Promise<boolean> => {
    const pending = search();
    // search() numbered itself synchronously: a failure is reported only if it is still the latest search.
    const current = run;
    return pending.then(
      () => current === run,
      () => (failed(current), false),
    );
  };

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void searchSafely();
  });
  for (const s of [...filterSelects, sortSelect]) s.addEventListener('change', () => void searchSafely());
  everythingButton.addEventListener('click', () => {
    everything = true;
    // The button goes away with the narrower results: the new results' heading takes the focus.
    void searchSafely().then((finished) => finished && heading.focus());
  });
  more.addEventListener('click', () => {
    const firstNew = list.children.length;
    const current = run;
    void showMore(current)
      .then(() => (list.children[firstNew]?.querySelector('a') as HTMLElement | null)?.focus())
      .catch(() => failed(current));
  });
  // Ready: from here a query is searched in the page (before, the form would submit natively).
  app.dataset.state = 'idle';
  if (input.value.trim()) void searchSafely();
}
