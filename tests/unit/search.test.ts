import { describe, expect, it } from 'vitest';
import { parseCharMap, toSimplified } from '../../src/lib/search/fold';
import { identifierLookup, missingTerms, parseQuery, phraseQuery } from '../../src/lib/search/query';
import { excerptRuns } from '../../src/lib/search/excerpt';
import { mergeRanked } from '../../src/lib/search/rank';
import { firstPage, mergedBundles, runSearch, verifyWindow, withoutSuperseded, type PagefindLike, type PagefindResult } from '../../src/lib/search/engine';
import { articleText } from '../../src/lib/search/records';
import { buildCharPairs } from '../../src/lib/search/char-map';
import { presplit, unsplit } from '../../src/lib/search/presplit';
import { bundlesForYear, recentHoldsAll, recentIsEnough, scopeValues, yearHeadValue } from '../../src/lib/search/scope';
import { shardPlan } from '../../src/lib/build/shards';

const map = parseCharMap(buildCharPairs());

describe('query folding and parsing', () => {
  it('folds traditional to simplified, leaving simplified alone', () => {
    expect(toSimplified('系統 嘉興 研發投入 創新聯合體', map)).toBe('系统 嘉兴 研发投入 创新联合体');
    expect(toSimplified('系统 越城区', map)).toBe('系统 越城区');
    expect(map.size).toBeGreaterThan(3000);
  });
  it('splits chunks on spaces and words with Intl.Segmenter', () => {
    const q = parseQuery('  科技创新  冯观萍 ');
    expect(q.chunks).toEqual(['科技创新', '冯观萍']);
    expect(q.terms).toContain('科技');
    expect(q.terms).toContain('创新');
    expect(q.chunks.map(phraseQuery)).toEqual(['"科技创新"', '"冯观萍"']);
    // Punctuation around a chunk is not looked for; inside one (a 文号's brackets) it is.
    expect(parseQuery('，人才。 《实施方案》 🙂越科〔2019〕91号').chunks).toEqual(['人才', '实施方案', '越科〔2019〕91号']);
  });
  it('reports the terms a text lacks', () => {
    expect(missingTerms('越城区认真贯彻', ['越城', '贯彻', '火星'])).toEqual(['火星']);
  });
  it('recognises 文号 and 索引号 queries, reading wrong brackets as 〔〕', () => {
    expect(identifierLookup('浙科提[2024]297号')).toEqual({ key: '文号', value: '浙科提〔2024〕297号' });
    expect(identifierLookup('越科（2024）008号')).toEqual({ key: '文号', value: '越科〔2024〕8号' });
    expect(identifierLookup('11330602056860309p/2024-96040')).toEqual({ key: '索引号', value: '11330602056860309P/2024-96040' });
    expect(identifierLookup('科技创新')).toBeNull();
  });
});

describe('excerpts and ranking', () => {
  it('turns Pagefind excerpts into text and marked runs, merging adjacent marks', () => {
    expect(excerptRuns('来，<mark>越</mark><mark>城区</mark>认真 &lt;b&gt;')).toEqual([
      { text: '来，', mark: false },
      { text: '越城区', mark: true },
      { text: '认真<b>', mark: false },
    ]);
  });
  it('rejoins pre-split words in excerpts, marks included', () => {
    expect(excerptRuns('近年来 ， <mark>越城</mark> <mark>区</mark> 认真 贯彻 ， 2023 年 R&amp;D 经费')).toEqual([
      { text: '近年来，', mark: false },
      { text: '越城区', mark: true },
      { text: '认真贯彻，2023年R&D经费', mark: false },
    ]);
  });
  it('pre-splits Chinese into words and undoes it for display', () => {
    const text = '鉴水科技城建设取得新进展，投资80亿元。';
    const split = presplit(text);
    expect(split).toContain(' ');
    expect(unsplit(split)).toBe(text);
  });
  it('puts exact results first without duplicates', () => {
    expect(mergeRanked([{ id: 'b' }], [{ id: 'a' }, { id: 'b' }])).toEqual([
      { id: 'b', exact: true },
      { id: 'a', exact: false },
    ]);
    // Pagefind's own objects, not copies: Pagefind frees a result's data once its object is collected.
    const pagefindResult = { id: 'c' };
    expect(mergeRanked([], [pagefindResult])[0]).toBe(pagefindResult);
  });
  it('reads a built notice page’s text without the ignored parts', () => {
    const html = '<main><article class="notice"><h1>标题</h1><p>正文&amp;内容</p><div class="x" data-pagefind-ignore><p>打印</p></div></article></main>';
    expect(articleText(html)).toBe('标题 正文&内容');
  });
});

/**
 * A stand-in for Pagefind with its two quirks: terms it cannot find are dropped, and a combined
 * query of single characters can miss pages that each term alone finds.
 */
/** `backoff`: a word no page has matches the pages with its longest beginning that some page has, as Pagefind 1.6 does (alert → A). */
function fakePagefind(pages: Record<string, string>, brokenCombos: string[] = [], years: Record<string, string> = {}, backoff = false): PagefindLike {
  const result = (id: string): PagefindResult => ({ id, data: async () => ({ url: `/notices/${id}/`, content: pages[id]!, excerpt: '', meta: { title: id } }) });
  return {
    async search(query, options) {
      if (query === null) {
        const [key, value] = Object.entries(options?.filters ?? {})[0] ?? [];
        return { results: key === '文号' ? Object.keys(pages).filter((id) => pages[id]!.includes(value!)).map(result) : [] };
      }
      if (brokenCombos.includes(query.replace(/"/g, ''))) return { results: [] };
      const phrase = /^".*"$/.test(query);
      // Pagefind compares lowercased.
      const has = (t: string) => Object.values(pages).some((p) => p.toLowerCase().includes(t.toLowerCase()));
      const shortened = (t: string) => [...Array(t.length).keys()].map((k) => t.slice(0, t.length - k)).find(has);
      const words = phrase ? [query.slice(1, -1)] : parseQuery(query).terms.flatMap((t) => (has(t) ? [t] : backoff && shortened(t) ? [shortened(t)!] : []));
      if (!words.length) return { results: [] };
      const year = options?.filters?.['年份'];
      return { results: Object.keys(pages).filter((id) => words.every((w) => pages[id]!.toLowerCase().includes(w.toLowerCase())) && (!year || years[id] === year)).map(result) };
    },
  };
}

describe('search engine rules', () => {
  const pages = { a: '越城区科技创新体系建设', b: '科技工作和创新工作', c: '嘉兴市鉴水科技城', d: '发文浙科提〔2024〕297号' };

  it('never hides an unknown term: the outcome is partial and names it', async () => {
    const { outcome: o } = await firstPage(fakePagefind(pages), '火星创新', map, {}, 10);
    expect(o.partial).toBe(true);
    expect(o.unknownTerms).toEqual(['火星']);
    expect(o.results.map((r) => r.id).sort()).toEqual(['a', 'b']);
  });

  it('a word the site lacks is unknown even when Pagefind answers it with a shorter beginning of it', async () => {
    const withLetters = { ...pages, e: '答复类别A类，人才引育' , f: '人才工作' };
    const { outcome: o, page } = await firstPage(fakePagefind(withLetters, [], {}, true), 'alert 人才', map, {}, 10);
    expect(o.partial).toBe(true);
    expect(o.unknownTerms).toEqual(['alert']);
    expect(page.map((v) => v.data.url).sort()).toEqual(['/notices/e/', '/notices/f/']);
  });

  it('counts only the pages holding a word, not those a bundle lacking it gives for a shorter beginning', async () => {
    const newer = fakePagefind({ a: '联系电话：0575-88319423', b: '人才工作' }, [], {}, true);
    const older = fakePagefind({ c: '实施项目883项', d: '累计883项，人才' }, [], {}, true);
    const both: PagefindLike = {
      async search(query, options) {
        const [x, y] = await Promise.all([newer.search(query, options), older.search(query, options)]);
        return { results: [...x!.results, ...y!.results] };
      },
    };
    const { outcome, page } = await firstPage(both, '88319423', map, {}, 10);
    expect(outcome.partial).toBe(false);
    expect(outcome.results.map((r) => r.id)).toEqual(['a']);
    expect(page.map((v) => v.data.url)).toEqual(['/notices/a/']);
  });

  it('ranks the query text itself above its pieces apart, and drops results lacking a term', async () => {
    const o = await runSearch(fakePagefind(pages), '科技创新', map);
    const v = await verifyWindow(o.results, o, map);
    expect(v.map((x) => [x.data.url, x.exact])).toEqual([
      ['/notices/a/', true],
      ['/notices/b/', false],
    ]);
  });

  it('ranks results with every chunk of a several-chunk query first, whatever Pagefind\'s order', async () => {
    // Pagefind lists e (the words apart) before a; a has 科技创新 and 越城区 as typed.
    const o = await runSearch(fakePagefind({ e: '越城区科技工作和创新工作', ...pages }), '科技创新 越城区', map);
    expect(o.results.map((r) => [r.id, r.exact])).toEqual([
      ['a', true],
      ['e', false],
    ]);
  });

  it('leaves out a result whose data Pagefind no longer gives (null), instead of failing', async () => {
    const o = await runSearch(fakePagefind(pages), '科技创新', map);
    const released = o.results.map((r) => (r.id === 'a' ? { ...r, data: async () => null } : r));
    expect((await verifyWindow(released, o, map)).map((x) => x.data.url)).toEqual(['/notices/b/']);
  });

  it('folds a traditional query', async () => {
    const o = await runSearch(fakePagefind(pages), '嘉興', map);
    expect(o.results.map((r) => r.id)).toEqual(['c']);
  });

  it('falls back to the rarest term when Pagefind’s combined query misses', async () => {
    const { page } = await firstPage(fakePagefind(pages, ['鉴水科技城']), '鉴水科技城', map, {}, 10);
    expect(page.map((x) => x.data.url)).toEqual(['/notices/c/']);
  });

  it('does not search alone a term the loaded results already contain (a common term alone is the slowest search)', async () => {
    const searched: Array<string | null> = [];
    const pf = fakePagefind(pages);
    const counting: PagefindLike = { search: (q, o) => (searched.push(q), pf.search(q, o)) };
    const { outcome: o } = await firstPage(counting, '火星创新', map, {}, 10);
    expect(o.unknownTerms).toEqual(['火星']);
    expect(searched).toContain('火星');
    expect(searched).not.toContain('创新');
  });

  it('keeps to the filters when it falls back to the rarest term or to part of the query', async () => {
    const years = { a: '2024', b: '2023', c: '2024', d: '2024' };
    const rarest = await firstPage(fakePagefind(pages, ['鉴水科技城'], years), '鉴水科技城', map, { filters: { 年份: '2023' } }, 10);
    expect(rarest.page).toEqual([]);
    const part = await firstPage(fakePagefind(pages, [], years), '火星创新', map, { filters: { 年份: '2023' } }, 10);
    expect(part.outcome.results.map((r) => r.id)).toEqual(['b']);
  });

  it('never returns, counts or checks a record a later bundle replaced', async () => {
    // b's old record is superseded: its words alone make the term unknown, not a hit.
    const pf = withoutSuperseded(fakePagefind({ ...pages, b: '科技工作和创新工作，火星' }), new Set(['b']));
    const { outcome: o } = await firstPage(pf, '火星', map, {}, 10);
    expect(o.results).toEqual([]);
    expect((await runSearch(pf, '创新', map)).results.map((r) => r.id)).toEqual(['a']);
  });

  it('looks a 文号 up exactly, whatever brackets the visitor typed', async () => {
    const o = await runSearch(fakePagefind(pages), '浙科提[2024]297号', map);
    expect(o.results[0]).toMatchObject({ id: 'd', exact: true });
  });
});

describe('several bundles searched as one', () => {
  const list = (items: Array<[string, number, string]>): PagefindLike => ({
    async search() {
      return { results: items.map(([id, score, date]) => ({ id, score, data: async () => ({ url: `/notices/${id}/`, content: '', excerpt: '', meta: { date } }) })) };
    },
  });
  const newer = list([['n1', 1, '2024-05-01'], ['n2', 9, '2024-02-01']]);
  const older = list([['o1', 5, '2023-11-01'], ['o2', 2, '2023-03-01']]);
  const delta = list([['d-old', 3, '2023-06-01'], ['d-new', 4, '2024-12-01']]);
  const parts = [{ pf: older, newest: '2023-11-01' }, { pf: newer, newest: '2024-05-01' }, { pf: delta }];

  it('orders by score when not sorting, as Pagefind merges', async () => {
    const r = await mergedBundles(parts).search('x', {});
    expect(r!.results.map((x) => x.id)).toEqual(['n2', 'o1', 'd-new', 'd-old', 'o2', 'n1']);
  });
  it('by date: the newest shard first; a delta result before the first shard not newer than it (after the one holding its date)', async () => {
    const r = await mergedBundles(parts).search('x', { sort: { date: 'desc' } });
    expect(r!.results.map((x) => x.id)).toEqual(['d-new', 'n1', 'n2', 'o1', 'o2', 'd-old']);
  });
});

describe('which bundles a search loads first', () => {
  const verified = (exact: boolean) => ({ data: { url: '/', content: '', excerpt: '', meta: {} }, exact });
  const outcome = (partial: boolean) => ({ query: parseQuery('科技创新'), folded: parseQuery('科技创新'), unknownTerms: [], partial, termsChecked: true, results: [] });

  it('puts the newest notices in a small first bundle and splits the rest evenly', () => {
    const items = Array.from({ length: 10_500 }, (_, i) => i);
    const plan = shardPlan(items, 5000, 1000);
    expect(plan.map((s) => [s.bundle, s.items.length])).toEqual([['pagefind', 1000], ['pagefind-1', 4750], ['pagefind-2', 4750]]);
    expect(plan.flatMap((s) => s.items)).toEqual(items);
    expect(shardPlan([1, 2, 3], 5000, 1000)).toEqual([{ bundle: 'pagefind', items: [1, 2, 3] }]);
    // A shard size below the first bundle's size caps it (tests use tiny shards).
    expect(shardPlan(items.slice(0, 100), 40, 1000).map((s) => s.items.length)).toEqual([40, 30, 30]);
  });

  it('on a large site, shards follow years and a big year gets a small head of its newest notices', () => {
    // Newest first: 2024 × 30, 2023 × 25, 2022 × 5.
    const items = [...Array(30).fill('2024'), ...Array(25).fill('2023'), ...Array(5).fill('2022')].map((year, i) => ({ year, i }));
    const plan = shardPlan(items, 12, 5, (x) => x.year, 40);
    expect(plan.map((s) => [s.bundle, s.headOf ?? '', s.items.length, [...new Set(s.items.map((x) => x.year))].join()])).toEqual([
      ['pagefind', '', 5, '2024'],
      ['pagefind-1', '2024', 5, '2024'],
      ['pagefind-2', '', 10, '2024'],
      ['pagefind-3', '', 10, '2024'],
      ['pagefind-4', '2023', 5, '2023'],
      ['pagefind-5', '', 10, '2023'],
      ['pagefind-6', '', 10, '2023'],
      ['pagefind-7', '', 5, '2022'],
    ]);
    expect(plan.flatMap((s) => s.items)).toEqual(items);
    // Below the threshold, as before: no year boundaries, no heads.
    expect(shardPlan(items, 12, 5, (x) => x.year, 56).map((s) => s.items.length)).toEqual([5, 11, 11, 11, 11, 11]);
  });

  it('marks records for the searches made first: recent, and their year head from its date on', () => {
    const yearHeads = { '2023': { bundles: ['/pagefind-4/'], since: '2023-09-01' } };
    expect(scopeValues('2024-07-01', { recentSince: '2024-06-22', yearHeads })).toEqual(['最近']);
    expect(scopeValues('2023-09-01', { yearHeads })).toEqual([yearHeadValue('2023')]);
    expect(scopeValues('2023-12-31T09:00', { yearHeads })).toEqual(['2023年最近']);
    expect(scopeValues('2023-08-31', { yearHeads })).toEqual([]);
    expect(scopeValues('2022-12-31', { recentSince: '2024-06-22', yearHeads })).toEqual([]);
  });

  it('shows the recent bundles alone only for a full page of results with the query text', () => {
    const full = Array.from({ length: 10 }, () => verified(true));
    expect(recentIsEnough(outcome(false), full, 10)).toBe(true);
    expect(recentIsEnough(outcome(false), full.slice(1), 10)).toBe(false);
    expect(recentIsEnough(outcome(false), [...full.slice(1), verified(false)], 10)).toBe(false);
    // An unknown term in recent notices may be known in older ones.
    expect(recentIsEnough(outcome(true), full, 10)).toBe(false);
  });

  it('a year filter opens the shards whose dates reach into that year, and the delta bundle', () => {
    const bundles = ['/pagefind/', '/pagefind-1/', '/pagefind-2/', '/pagefind-delta/'];
    const ranges = { '/pagefind/': ['2024-06-22', '2025-03-01'], '/pagefind-1/': ['2019-05-02', '2024-06-22'], '/pagefind-2/': ['2015-01-03', '2019-05-02'] } as const;
    expect(bundlesForYear(bundles, ranges, '2016')).toEqual(['/pagefind-2/', '/pagefind-delta/']);
    expect(bundlesForYear(bundles, ranges, '2019')).toEqual(['/pagefind-1/', '/pagefind-2/', '/pagefind-delta/']);
    expect(bundlesForYear(bundles, ranges, '2024')).toEqual(['/pagefind/', '/pagefind-1/', '/pagefind-delta/']);
    expect(bundlesForYear(bundles, ranges, '2010')).toEqual(['/pagefind-delta/']);
    expect(bundlesForYear(bundles, ranges, undefined)).toEqual(bundles);
    expect(bundlesForYear(bundles, undefined, '2016')).toEqual(bundles);
  });

  it('a year after the recent bundles’ oldest date is complete in them', () => {
    const since = '2024-03-05';
    expect(recentHoldsAll(since, { 年份: '2025' })).toBe(true);
    expect(recentHoldsAll(since, { 年份: '2024' })).toBe(false);
    expect(recentHoldsAll(since, { 组配分类: '建议提案' })).toBe(false);
    expect(recentHoldsAll(since)).toBe(false);
  });
});
