import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from './static-server';
import type { BundleList } from '../../src/lib/build/search-delta';
import { YEAR_FILTER } from '../../src/lib/search/scope';
import { launchChromium } from './chromium';
import { measureQuality, type QualityReport } from './search-quality';

/** Bytes fetched by a first and a second query, and the median query time, through the real search page. */
export async function searchCost(dist: string, log: (line: string) => void = () => {}) {
  const server = await serveStatic(dist);
  const browser = await launchChromium();
  const page = await browser.newPage();
  // Playwright reports the requests of Pagefind's web worker with the page's own.
  let fetched = 0;
  page.on('requestfinished', async (req) => {
    const u = req.url();
    // Index data of every bundle (/pagefind/, /pagefind-1/ …, /pagefind-delta/), the bundle list and the term table
    // (as served here, uncompressed); not the library (pagefind.js, its worker and WebAssembly), which is cached after the first visit.
    if (!/\/pagefind(-[a-z0-9]+)?\/|\/search\/(bundles\.json|terms\/)/.test(u) || /pagefind(-worker)?\.js|\.wasm|wasm\./.test(u)) return;
    const sizes = await req.sizes().catch(() => null);
    if (sizes) fetched += sizes.responseBodySize + sizes.responseHeadersSize;
  });
  const waitDone = (q: string) =>
    page.waitForFunction((query) => {
      const app = document.getElementById('search-app')!;
      return app.dataset.query === query && /done|partial/.test(app.dataset.state ?? '');
    }, q, { timeout: 120_000 });
  // Typed before the page's script is ready, Enter would submit the form natively and reload.
  const openSearchPage = async () => {
    await page.goto(`${server.url}/search/`);
    await page.waitForFunction(() => document.getElementById('search-app')!.dataset.state === 'idle');
  };
  await openSearchPage();
  /** End to end (Playwright typing and polling included), and in the page (search start to results shown). */
  const searchOnce = async (q: string) => {
    const t0 = Date.now();
    await page.fill('#search-q', q);
    await page.press('#search-q', 'Enter');
    await waitDone(q);
    const total = Date.now() - t0;
    const inPage = Number(await page.evaluate(() => document.getElementById('search-app')!.dataset.ms));
    log(`${q}: ${total} ms (${inPage} ms in the page), ${(fetched / 1024).toFixed(0)} KB so far`);
    return { total, inPage };
  };
  fetched = 0;
  // A common term of this corpus (it is on nearly every page), then a different two-term query,
  // then a rare one (an addressee's name) on a freshly opened page: what a first and a second query fetch.
  await searchOnce('科技创新');
  const first = fetched;
  fetched = 0;
  await searchOnce('越城区 人才');
  const second = fetched;
  await openSearchPage();
  fetched = 0;
  await searchOnce('冯观萍');
  const rare = fetched;
  const times: Array<{ total: number; inPage: number }> = [];
  for (const q of ['研发投入', '成果转化', '嘉興', '冯观萍', '产教融合', '科创平台', '孵化', '人才飞地', '余姚市', '知识产权保护', '火星创新']) times.push(await searchOnce(q));
  // A common term filtered to an older year, on a fresh page: that year's head bundle when the site
  // has year heads (src/lib/build/shards.ts), else every shard of the year.
  const list = JSON.parse(readFileSync(join(dist, 'search/bundles.json'), 'utf8')) as BundleList;
  const newestYear = Number((list.recent?.since ?? '9999').slice(0, 4));
  const years = Object.values(list.ranges ?? {}).map((r) => Number(r[0].slice(0, 4)));
  const olderYear = String(Math.max(Math.min(...years, newestYear), newestYear - 6));
  await openSearchPage();
  await page.fill('#search-q', '');
  await page.selectOption(`select[data-filter="${YEAR_FILTER}"]`, olderYear);
  fetched = 0;
  await searchOnce('科技创新');
  const year = { year: olderYear, kb: fetched / 1024 };
  log(`(the last query was filtered to ${olderYear})`);
  await browser.close();
  await server.close();
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return { firstKb: first / 1024, secondKb: second / 1024, rareKb: rare / 1024, year, medianMs: median(times.map((t) => t.total)), medianInPageMs: median(times.map((t) => t.inPage)) };
}

/** The bench's one-line summary of searchCost. */
export function searchCostNote(s: Awaited<ReturnType<typeof searchCost>>): string {
  return `first query (common term) ${s.firstKb.toFixed(0)} KB, second ${s.secondKb.toFixed(0)} KB; first query for a rare name ${s.rareKb.toFixed(0)} KB; the common term filtered to ${s.year.year} ${s.year.kb.toFixed(0)} KB; median ${s.medianInPageMs} ms in the page (${s.medianMs} ms end to end)`;
}

/** The Search issue's quality measure (scripts/lib/search-quality.ts) on a built site. */
export async function searchQuality(dist: string): Promise<QualityReport> {
  const server = await serveStatic(dist);
  const browser = await launchChromium();
  try {
    return await measureQuality(await browser.newPage(), server.url, dist);
  } finally {
    await browser.close();
    await server.close();
  }
}

export function qualityNote(q: QualityReport): string {
  const exact = q.exactMisses.length ? `not for ${q.exactMisses.join(', ')}` : 'for every multi-character query';
  return `recall@5 ${(q.meanRecall * 100).toFixed(1)}% over ${q.rows.length} queries (${q.skipped.length} without a relevant notice in this corpus skipped); exact text first ${exact}; negatives answered "没有找到" ${q.negativesHandled}/${q.negatives}`;
}
