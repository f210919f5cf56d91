import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser';
import { axeViolations } from '../helpers/axe';
import { serveStatic } from '../helpers/static-server';
import { searchFor } from '../helpers/search-page';
import { PROJECT_ROOT, runScript } from '../../scripts/lib/project-copy';
import { writeCorpusProject } from '../../scripts/lib/corpus-project';
import { bundleIds, readFragment, type BundleList } from '../../src/lib/build/search-delta';
import { formatDateZh } from '../../src/lib/site/format';
import { parseQuery } from '../../src/lib/search/query';
import { bucketOf, gramsOf, maskHas, parseBucket, termFile } from '../../src/lib/search/routes';
import { parseCharMap, toSimplified } from '../../src/lib/search/fold';
import { GRAMS_FILE } from '../../src/lib/build/search-routes';
import { groundTruth, NEGATIVES, POSITIVES, positiveRow, relevantIn, type QualityRow } from '../../scripts/lib/search-quality';

/**
 * Search quality over the sample content plus 2,000 generated notices, through the real search
 * page in Chromium. Ground truth is computed from the built pages' text (what is indexed), folded
 * to simplified characters: a notice is relevant to a query when it contains the query text.
 * (scripts/lib/search-quality.ts; `npm run bench` measures the same at every size.)
 */
const CORPUS = 2000;

let root: string;
let server: Awaited<ReturnType<typeof serveStatic>>;
let browser: Browser;
let page: Page;
let truth = new Map<string, string>(); // page path → folded text
let generated: ReturnType<typeof writeCorpusProject>['notices'];

const relevant = (query: string) => relevantIn(truth, query);

/** The urls of the records in every bundle but the newest (Pagefind's fragments hold each page's url). */
function olderUrls(dist: string): string[] {
  return readdirSync(dist)
    .filter((d) => /^pagefind-\d+$/.test(d))
    .flatMap((d) => bundleIds(join(dist, d)).map((id) => readFragment(join(dist, d), id).url));
}

beforeAll(async () => {
  root = join(mkdtempSync(join(tmpdir(), 'gongkai-search-')), 'site');
  ({ notices: generated } = writeCorpusProject(root, { count: CORPUS }));
  cpSync(join(PROJECT_ROOT, 'src/content/notices'), join(root, 'src/content/notices/sample'), { recursive: true });
  const r = runScript('build', ['--root', root]);
  if (r.status !== 0) throw new Error(r.stderr);
  const dist = join(root, 'dist');
  truth = groundTruth(dist);
  server = await serveStatic(dist);
  browser = await launchChromium();
  page = await browser.newPage();
}, 600_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(join(root, '..'), { recursive: true, force: true });
});

/** The shared queries, plus generated addressees and 文号; expected notices come from `relevant()`. */
function positives(): Array<[string, string]> {
  const addressees = [...new Set(generated.filter((n) => n.addressee).map((n) => n.addressee!))].slice(0, 3);
  const docNos = generated.map((n) => /^docNo: (.+)$/m.exec(n.content)?.[1]).filter(Boolean).slice(0, 2) as string[];
  return [...POSITIVES, ...addressees.map((a) => [a, 'addressee (generated)'] as [string, string]), ...docNos.map((d) => [d, '文号 (generated)'] as [string, string])];
}

describe(`search quality: sample content + ${CORPUS} generated notices`, () => {
  const rows: QualityRow[] = [];

  it('has at least 30 queries, each positive with at least one relevant notice', () => {
    const qs = positives();
    expect(qs.length + NEGATIVES.length).toBeGreaterThanOrEqual(30);
    for (const [q] of qs) expect(relevant(q).size, q).toBeGreaterThan(0);
    for (const q of NEGATIVES) expect(relevant(q).size, q).toBe(0);
  });

  it('recall@5 ≥ 95%, and multi-character queries show the exact text first', async () => {
    for (const [q, kind] of positives()) rows.push(await positiveRow(page, server.url, truth, q, kind));
    console.table(rows);
    const mean = rows.reduce((s, r) => s + r.recall, 0) / rows.length;
    expect(mean).toBeGreaterThanOrEqual(0.95);
    expect(rows.filter((r) => [...r.q].length > 1 && !r.exactTop).map((r) => r.q)).toEqual([]);
  });

  it('never shows a result lacking a query term; negatives get zero hits', async () => {
    for (const q of NEGATIVES) {
      const r = await searchFor(page, server.url, q);
      expect(r.partial, q).toBe(true);
      expect(r.status, q).toMatch(/^没有找到/);
      // Whatever is listed is labelled as a partial match, never as a hit for the whole query.
      if (r.results.length) expect(r.heading, q).toMatch(/只包含部分关键词的结果（不含/);
      // What the status says is listed is there.
      if (/下面列出/.test(r.status)) expect(r.results.length, q).toBeGreaterThan(0);
    }
  });

  it('counts a telephone number one notice holds as one result, though the other bundles hold numbers beginning like it', async () => {
    // Pagefind answers a word a bundle lacks with the pages holding a shorter beginning of it (883…).
    const pagesOf = new Map<string, string[]>();
    for (const [path, text] of truth) for (const n of new Set(text.match(/(?<!\d)8\d{7}(?!\d)/g) ?? [])) pagesOf.set(n, [...(pagesOf.get(n) ?? []), path]);
    const numbers = [...pagesOf].filter(([n, paths]) => paths.length === 1 && [...pagesOf.keys()].some((m) => m !== n && m.startsWith(n.slice(0, 3))));
    expect(numbers.length).toBeGreaterThan(0);
    for (const [n, paths] of numbers.slice(0, 2)) {
      const r = await searchFor(page, server.url, n);
      expect(r.status, n).toBe('找到 1 条结果。');
      expect(r.results.map((x) => x.path), n).toEqual(paths);
    }
  });

  it('sorted by date, results from several bundles come newest first', async () => {
    const list = JSON.parse(readFileSync(join(root, 'dist/search/bundles.json'), 'utf8')) as BundleList;
    expect(list.bundles.length).toBeGreaterThan(1);
    await searchFor(page, server.url, '科技创新', '&sort=date&scope=all');
    for (let shown = 10; shown < 30; shown += 10) {
      await page.click('#search-more');
      await page.waitForFunction((n) => document.querySelectorAll('#search-result-list li').length > n, shown);
    }
    const dates = await page.$$eval('#search-result-list li .result-meta', (ms) => ms.map((m) => /发文日期：(\S+)/.exec(m.textContent!)![1]!));
    expect(dates.length).toBeGreaterThanOrEqual(30);
    // Pagefind's own mergeIndex orders several bundles' results by score, whatever the sort: it put
    // the older bundle's notices (from 2022-05-23 down) first.
    expect(dates).toEqual([...dates].sort().reverse());
    expect(dates[0]! >= list.recent!.since, `${dates[0]} is older than the newest bundle`).toBe(true);
  });

  it('searches the newest notices first, says so, and everything when asked or needed; a year filter, only that year’s bundles', async () => {
    const list = JSON.parse(readFileSync(join(root, 'dist/search/bundles.json'), 'utf8')) as BundleList;
    expect(list.recent?.bundles).toEqual(['/pagefind/']);
    const since = list.recent!.since;
    const older: string[] = [];
    const onRequest = (r: { url(): string }) => /\/pagefind-\d+\//.test(r.url()) && older.push(r.url());
    page.on('request', onRequest);
    try {
      // A common term: a full page of exact matches among the newest notices; older bundles are not fetched.
      const recentOnly = await searchFor(page, server.url, '科技创新');
      expect(older).toEqual([]);
      expect(recentOnly.status).toMatch(new RegExp(`^在${formatDateZh(since)}以来发布的信息中找到 \\d+ 条结果。$`));
      expect(recentOnly.results).toHaveLength(10);
      const button = page.locator('#search-everything');
      await expect.poll(() => button.isVisible()).toBe(true);
      expect(await axeViolations(page)).toEqual([]);
      // One click: everything, announced, and the link says so when shared.
      await button.click();
      await page.waitForFunction(() => /^找到 \d+ 条结果。$/.test(document.getElementById('search-status')!.textContent ?? ''));
      expect(older.length).toBeGreaterThan(0);
      const count = (t: string) => Number(/(\d+) 条/.exec(t)![1]);
      const all = await page.locator('#search-status').textContent();
      expect(count(all!)).toBeGreaterThan(count(recentOnly.status));
      // Every notice containing the query text is counted (Pagefind also counts its words apart).
      expect(count(all!)).toBeGreaterThanOrEqual(relevant('科技创新').size);
      expect(await button.isVisible()).toBe(false);
      expect(new URL(page.url()).searchParams.get('scope')).toBe('all');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-results-heading');

      // A year after the newest bundle's oldest date: complete in it, so nothing older is fetched.
      const year = String(Number(since.slice(0, 4)) + 1);
      older.length = 0;
      const inYear = await searchFor(page, server.url, '科技创新', `&${encodeURIComponent('年份')}=${year}`);
      expect(inYear.status).toMatch(/^找到 \d+ 条结果。$/);
      expect(inYear.results.length).toBeGreaterThan(0);
      expect(older).toEqual([]);

      // An older year: only the shards whose notices reach into it are searched, not the newest
      // bundle (the page opened it, its pf_meta, when it loaded).
      const oldYear = list.ranges!['/pagefind-1/']![0].slice(0, 4);
      const newest: string[] = [];
      const onNewest = (r: { url(): string }) => /\/pagefind\/(index|fragment|filter)\//.test(r.url()) && newest.push(r.url());
      page.on('request', onNewest);
      const inOldYear = await searchFor(page, server.url, '科技创新', `&${encodeURIComponent('年份')}=${oldYear}`);
      page.off('request', onNewest);
      expect(inOldYear.status).toMatch(/^找到 \d+ 条结果。$/);
      expect(inOldYear.results.length).toBeGreaterThan(0);
      expect(newest).toEqual([]);
      const dates = await page.locator('#search-result-list .result-meta').allTextContents();
      expect(dates.every((d) => d.includes(`发文日期：${oldYear}-`))).toBe(true);

      // A name only older notices carry: every bundle is searched before anything is shown.
      const dateOf = (n: (typeof generated)[number]) => /^date: (.+)$/m.exec(n.content)![1]!;
      const oldName = generated.find((n) => n.addressee && generated.filter((m) => m.addressee === n.addressee).every((m) => dateOf(m) < since))!.addressee!;
      older.length = 0;
      const found = await searchFor(page, server.url, oldName);
      expect(found.status).toMatch(/^找到 \d+ 条结果。$/);
      // Its notices, all older than the newest bundle, come first (then pages with its characters apart).
      const wanted = relevant(oldName);
      expect(new Set(found.results.slice(0, wanted.size).map((r) => r.path))).toEqual(wanted);
      expect(older.length).toBeGreaterThan(0);
    } finally {
      page.off('request', onRequest);
    }
  });

  it('the term table lists every gram of every record, as the search page reads the record', () => {
    const dist = join(root, 'dist');
    const list = JSON.parse(readFileSync(join(dist, 'search/bundles.json'), 'utf8')) as BundleList;
    const table = list.terms!;
    const buckets = Array.from({ length: table.buckets }, (_, k) => parseBucket(readFileSync(join(dist, termFile(k)), 'utf8')));
    const map = parseCharMap(readFileSync(join(dist, 'search/t2s.txt'), 'utf8'));
    let checked = 0;
    table.bundles.forEach((bundle, i) => {
      const dir = join(dist, bundle);
      for (const f of bundleIds(dir)) {
        const data = readFragment(dir, f);
        // What pagefind.js's data() gives the page as `content` (it removes the zero-width spaces).
        const content = data.content.replace(/\u200b/g, '');
        const missing = [...gramsOf(toSimplified(`${data.meta.title ?? ''} ${content}`, map))].filter((g) => !maskHas(buckets[bucketOf(g, table.buckets)]!.get(g) ?? '', i));
        expect(missing, `${bundle}${f}`).toEqual([]);
        checked++;
      }
    });
    expect(checked).toBeGreaterThan(CORPUS);
    // The bundles' own gram lists are not published.
    for (const bundle of table.bundles) expect(readdirSync(join(dist, bundle))).not.toContain(GRAMS_FILE);
  });

  it('opens only the bundles the term table says may hold the query', async () => {
    const list = JSON.parse(readFileSync(join(root, 'dist/search/bundles.json'), 'utf8')) as BundleList;
    expect(list.terms?.bundles).toEqual(list.bundles);
    const since = formatDateZh(list.recent!.since);
    const older: string[] = [];
    const onRequest = (r: { url(): string }) => /\/pagefind-\d+\//.test(r.url()) && older.push(r.url());
    page.on('request', onRequest);
    try {
      // No notice has it: said at once, from the newest bundle and the table.
      const none = await searchFor(page, server.url, '量子纠缠');
      expect(none.status).toMatch(/^没有找到包含「量子」?「?纠缠」的结果。$/);
      expect(none.results).toEqual([]);
      expect(older).toEqual([]);

      // An unknown term beside a common one: the newest notices with the common one, labelled so, and
      // "本站没有" is still true of the whole site.
      const part = await searchFor(page, server.url, '火星创新');
      expect(part.status).toMatch(new RegExp(`^没有找到同时包含「火星」「创新」的结果（本站没有「火星」）。下面列出${since}以来发布的信息中只包含部分关键词的 \\d+ 条结果。$`));
      expect(part.results).toHaveLength(10);
      expect(older).toEqual([]);
      await page.locator('#search-everything').click();
      await page.waitForFunction(() => /^没有找到同时包含.*下面列出只包含部分关键词的 \d+ 条结果。$/.test(document.getElementById('search-status')!.textContent ?? ''));
      expect(older.length).toBeGreaterThan(0);

      // A name only newest notices carry, in fewer than a page of them, with a word (as the page cuts
      // the query) whose characters no older notice has side by side: the whole site's answer, without
      // opening the older shard.
      const olderTexts = olderUrls(join(root, 'dist')).map((u) => truth.get(u)!);
      const pairs = (word: string) => ([...word].length < 2 ? [word] : [...word].slice(1).map((c, i) => [...word][i]! + c));
      const name = [...new Set(generated.map((n) => n.addressee).filter(Boolean) as string[])].find((a) => {
        const found = relevant(a);
        const words = parseQuery(a).terms;
        return found.size > 0 && found.size < 10 && words.some((w) => pairs(w).some((p) => !olderTexts.some((t) => t.includes(p))));
      });
      expect(name, 'a generated addressee only the newest notices name').toBeTruthy();
      older.length = 0;
      await page.goto('about:blank');
      const onlyNew = await searchFor(page, server.url, name!);
      expect(onlyNew.status).toMatch(/^找到 \d+ 条结果。$/);
      expect(new Set(onlyNew.results.slice(0, relevant(name!).size).map((r) => r.path))).toEqual(relevant(name!));
      expect(older).toEqual([]);
      expect(await page.locator('#search-everything').isVisible()).toBe(false);

      // Common words in an order no older notice has side by side: a full page of newest notices with
      // the words apart is shown as such (nothing better can come from older bundles), with the button.
      const apart = ['创新科技', '政策人才科技', '答复创新人才'].find((q) => pairs(q).some((p) => !olderTexts.some((t) => t.includes(p))));
      expect(apart).toBeTruthy();
      older.length = 0;
      const loose = await searchFor(page, server.url, apart!);
      expect(loose.status).toMatch(new RegExp(`^在${since}以来发布的信息中找到 \\d+ 条结果。$`));
      expect(loose.results).toHaveLength(10);
      expect(older).toEqual([]);
      expect(await page.locator('#search-everything').isVisible()).toBe(true);
    } finally {
      page.off('request', onRequest);
    }
  });

  it('"更多结果" still loads after the browser collected garbage (Pagefind releases collected results)', async () => {
    const r = await searchFor(page, server.url, '科技创新');
    expect(r.results).toHaveLength(10);
    // Collect garbage as a long visit would: Pagefind frees the data of result objects nobody holds.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    await page.waitForTimeout(300);
    await page.locator('#search-more').click();
    await page.waitForFunction(() => document.querySelectorAll('#search-result-list li').length === 20, undefined, { timeout: 15_000 });
    const titles = await page.locator('#search-result-list li h3').allTextContents();
    expect(titles.every((t) => t.trim().length > 0)).toBe(true);
    expect(await page.evaluate(() => document.getElementById('search-app')!.dataset.state)).toBe('done');
  });
});
