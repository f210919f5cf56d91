/**
 * The /search/ page: DOM, events and the URL. What a query means and which notices answer it, in
 * what order, is decided by src/lib/search (plan.ts, answer.ts) from the tables the build publishes;
 * records are read from Pagefind's bundles (pagefind-fragments.ts). Results are built as DOM text
 * nodes; nothing from the index is assigned as HTML.
 */
import type { CharMap } from '../lib/search/fold';
import { TableSearch, type Answer } from '../lib/search/answer';
import { planSearch, type SearchRequest } from '../lib/search/plan';
import { httpTables } from '../lib/search/http-tables';
import { loadFragment, type Fragment } from '../lib/search/pagefind-fragments';
import { excerptRuns } from '../lib/search/excerpt';
import { describeAnswer } from '../lib/search/describe';
import { fragmentUrl } from '../lib/search/contract';
import { inMode } from '../lib/site/routes';
import { charmapFlagsFile, charmapPartFile, LazyCharMap } from '../lib/search/charmap';

const PAGE = 10;

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: Array<Node | string>
): HTMLElementTagNameMap[K] {
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
  const care = app.dataset.mode === 'care';

  const params = new URLSearchParams(location.search);
  input.value = params.get('q') ?? '';
  sortSelect.value = params.get('sort') === 'date' ? 'date' : '';
  for (const s of filterSelects) s.value = params.get(s.dataset.filter!) ?? '';
  /** How many results the URL says were shown (back from a result shows as many again). */
  let shownInUrl = Math.max(PAGE, Math.min(1000, Number(params.get('n')) || PAGE));

  const get = (path: string) =>
    fetch(`/${path}`).then((r) => (r.ok ? r : Promise.reject(new Error(`${path}: ${r.status}`))));
  let chars: LazyCharMap;
  let map: CharMap;
  let search: TableSearch;
  try {
    const [reader, flags] = await Promise.all([
      httpTables('/'),
      get(charmapFlagsFile()).then(async (r) => new Uint8Array(await r.arrayBuffer())),
    ]);
    chars = new LazyCharMap(flags, (k) => get(charmapPartFile(k)).then((r) => r.text()));
    map = chars.map;
    search = new TableSearch(reader);
  } catch {
    // `npm run dev` serves no search tables: the build writes them.
    status.textContent = import.meta.env.DEV
      ? '本地预览（npm run dev）中没有搜索索引：请运行 npm run build，再用 npm start 查看全文检索。'
      : '搜索暂时无法使用，请稍后再试，或通过信息公开目录查找。';
    app.dataset.state = 'error';
    return;
  }

  let answer: Answer | null = null;
  let shown = 0;
  let run = 0;

  function request(): SearchRequest {
    const filters: Record<string, string> = {};
    for (const s of filterSelects) if (s.value) filters[s.dataset.filter!] = s.value;
    return {
      q: input.value.trim(),
      filters,
      sort: sortSelect.value === 'date' ? 'date' : 'relevance',
    };
  }

  /**
   * The whole state in the URL: query, filters, sort and how many results are shown. A new search
   * is a new history entry (Back returns to the one before); showing more replaces it.
   */
  function syncUrl(push = false): void {
    const r = request();
    const p = new URLSearchParams();
    if (r.q) p.set('q', r.q);
    for (const [k, v] of Object.entries(r.filters)) p.set(k, v);
    if (r.sort === 'date') p.set('sort', 'date');
    if (shown > PAGE) p.set('n', String(shown));
    const url = `${location.pathname}${p.size ? `?${p}` : ''}`;
    if (push && url !== location.pathname + location.search) history.pushState(null, '', url);
    else history.replaceState(history.state, '', url);
  }

  /** Text as runs, the query's texts marked. */
  function marked(
    into: HTMLElement,
    text: string,
    texts: readonly string[],
    whole = false,
  ): HTMLElement {
    for (const r of excerptRuns(text, texts, map, whole ? text.length : undefined))
      into.append(r.mark ? el('mark', {}, r.text) : r.text);
    return into;
  }

  function resultItem(f: Fragment, texts: readonly string[]): HTMLLIElement {
    const href = care ? inMode(new URL(f.url, location.origin).pathname, 'care') : f.url;
    const lang: Record<string, string> = f.meta.lang === 'zh-Hant' ? { lang: 'zh-Hant' } : {};
    const excerpt = marked(el('p', { class: 'result-excerpt', ...lang }), f.content, texts);
    // The identifiers a 文号 or 索引号 query found are marked too.
    const meta = el(
      'p',
      { class: 'result-meta' },
      '索引号：',
      marked(el('span'), f.meta.indexNo ?? '', texts, true),
    );
    if (f.meta.docNo) meta.append('　文号：', marked(el('span'), f.meta.docNo, texts, true));
    // A policy document's type and standing: a repealed rule must not read like one in force.
    if (f.meta.docType)
      meta.append(
        '　',
        el(
          'span',
          { class: 'nowrap' },
          `文件类型：${f.meta.docType}${f.meta.validity ? `（${f.meta.validity}）` : ''}`,
        ),
      );
    // Each label and value kept on one line (at 390 px a date broke as 2024-09-/14).
    meta.append(
      `　发布机构：${f.meta.issuer ?? ''}　`,
      el('span', { class: 'nowrap' }, `发文日期：${f.meta.date ?? ''}`),
    );
    const title = el('a', { href, ...lang }, f.meta.title ?? f.url);
    return el('li', { class: 'result', 'data-url': f.url }, el('h3', {}, title), meta, excerpt);
  }

  /** The texts an excerpt marks: the whole query text first, then each chunk, then the partial list's words. */
  function markTexts(a: Answer): string[] {
    if (a.plan.kind !== 'text') return [];
    return [
      ...(a.plan.whole ? [a.plan.whole] : []),
      ...a.plan.chunks.map((c) => c.norm),
      ...(a.partial?.known ?? []),
    ];
  }

  async function showNext(current: number, upTo: number): Promise<void> {
    if (!answer) return;
    const ids = answer.ids.slice(shown, upTo);
    const fragments = await Promise.all(
      (await search.fragments(ids)).map((r) => loadFragment(fragmentUrl(r))),
    );
    // A record in traditional characters is folded to find the query in it.
    await chars.need(fragments.map((f) => f.content).join(''));
    if (current !== run) return;
    const texts = markTexts(answer);
    for (const f of fragments) list.append(resultItem(f, texts));
    shown += ids.length;
    more.hidden = shown >= answer.ids.length;
    syncUrl();
  }

  async function runSearch(initial = false): Promise<void> {
    const current = ++run;
    const started = performance.now();
    app!.dataset.state = 'searching';
    shown = 0;
    syncUrl(!initial);
    list.replaceChildren();
    await chars.need(request().q);
    const plan = planSearch(request(), map);
    if (plan.kind !== 'empty' && plan.kind !== 'punctuation') status.textContent = '正在搜索…';
    const a = await search.answer(plan, map);
    if (current !== run) return;
    answer = a;
    const text = describeAnswer(a);
    status.textContent = text.status;
    heading.textContent = text.heading;
    section.hidden = a.ids.length === 0;
    more.hidden = true;
    await showNext(current, initial ? shownInUrl : PAGE);
    if (current !== run) return;
    app!.dataset.query = plan.request.q;
    app!.dataset.count = a.partial ? '' : String(a.ids.length);
    app!.dataset.ms = String(Math.round(performance.now() - started));
    app!.dataset.state = a.partial ? 'partial' : 'done';
    if (initial) restoreScroll();
  }

  /** Back from a result: the list is shown again as long as it was, scrolled where it was, the result opened focused. */
  function restoreScroll(): void {
    const state = history.state as { scrollY?: number; opened?: string } | null;
    if (state?.opened)
      (
        [...list.querySelectorAll('a')].find((a) => a.getAttribute('href') === state.opened) as
          HTMLElement | undefined
      )?.focus({ preventScroll: true });
    if (typeof state?.scrollY === 'number') window.scrollTo(0, state.scrollY);
  }
  const saveScroll = (opened?: string) =>
    history.replaceState(
      {
        ...(history.state as object | null),
        scrollY: window.scrollY,
        ...(opened ? { opened } : {}),
      },
      '',
    );
  addEventListener('pagehide', () => saveScroll());
  list.addEventListener('click', (e) => {
    const a = (e.target as Element).closest('a');
    if (a) saveScroll(a.getAttribute('href') ?? undefined);
  });
  // Back or forward between searches of this page: show that search again.
  addEventListener('popstate', () => {
    const p = new URLSearchParams(location.search);
    input.value = p.get('q') ?? '';
    sortSelect.value = p.get('sort') === 'date' ? 'date' : '';
    for (const s of filterSelects) s.value = p.get(s.dataset.filter!) ?? '';
    shownInUrl = Math.max(PAGE, Math.min(1000, Number(p.get('n')) || PAGE));
    void searchSafely(true);
  });

  /** A search that throws must not leave "正在搜索…" on screen for ever: say so, and how to go on. */
  function failed(current: number): void {
    if (current !== run) return;
    status.textContent = '搜索出错了，请再试一次，或通过信息公开目录查找。';
    app!.dataset.query = input.value.trim();
    app!.dataset.state = 'error';
  }
  const searchSafely = (initial = false): Promise<boolean> => {
    const pending = runSearch(initial);
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
  for (const s of [...filterSelects, sortSelect])
    s.addEventListener('change', () => void searchSafely());
  more.addEventListener('click', () => {
    const firstNew = list.children.length;
    const current = run;
    void showNext(current, shown + PAGE)
      .then(() => (list.children[firstNew]?.querySelector('a') as HTMLElement | null)?.focus())
      .catch(() => failed(current));
  });
  // Ready: from here a query is searched in the page (before, the form would submit natively).
  app.dataset.state = 'idle';
  // A link with a query, filters or an order is searched at once (also one naming a filter value the site does not have: the page says so).
  if (params.size) void searchSafely(true);
}
