import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser';
import { serveStatic } from '../helpers/static-server';
import { searchFor } from '../helpers/search-page';
import { PROJECT_ROOT, runScript } from '../../scripts/lib/project-copy';
import { writeCorpusProject } from '../../scripts/lib/corpus-project';
import { articleText } from '../../src/lib/search/records';
import { textToSimplified } from '../../src/lib/search/char-map';

/**
 * Search quality over the sample content plus 2,000 generated notices, through the real search
 * page in Chromium. Ground truth is computed from the built pages' text (what is indexed), folded
 * to simplified characters: a notice is relevant to a query when it contains the query text.
 */
const CORPUS = 2000;
const norm = (s: string) => textToSimplified(s).normalize('NFKC').toLowerCase().replace(/\s+/g, '');

let root: string;
let server: Awaited<ReturnType<typeof serveStatic>>;
let browser: Browser;
let page: Page;
const truth = new Map<string, string>(); // page path → folded text
let generated: ReturnType<typeof writeCorpusProject>['notices'];

function relevant(query: string): Set<string> {
  const chunks = query.split(/\s+/).filter(Boolean).map(norm);
  return new Set([...truth].filter(([, text]) => chunks.every((c) => text.includes(c))).map(([path]) => path));
}

beforeAll(async () => {
  root = join(mkdtempSync(join(tmpdir(), 'gongkai-search-')), 'site');
  ({ notices: generated } = writeCorpusProject(root, { count: CORPUS }));
  cpSync(join(PROJECT_ROOT, 'src/content/notices'), join(root, 'src/content/notices/sample'), { recursive: true });
  const r = runScript('build', ['--root', root]);
  if (r.status !== 0) throw new Error(r.stderr);
  const dist = join(root, 'dist');
  for (const slug of readdirSync(join(dist, 'notices'))) {
    truth.set(`/notices/${slug}/`, norm(articleText(readFileSync(join(dist, 'notices', slug, 'index.html'), 'utf8'))));
  }
  server = await serveStatic(dist);
  browser = await launchChromium();
  page = await browser.newPage();
}, 600_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(join(root, '..'), { recursive: true, force: true });
});

/** Queries with what they test; expected notices come from `relevant()`. */
function positives(): Array<[string, string]> {
  const addressees = [...new Set(generated.filter((n) => n.addressee).map((n) => n.addressee!))].slice(0, 3);
  const docNos = generated.map((n) => /^docNo: (.+)$/m.exec(n.content)?.[1]).filter(Boolean).slice(0, 2) as string[];
  return [
    ['冯观萍', 'addressee'], ['梁孝克', 'addressee'], ['徐建凤', 'addressee'], ['张华委员', 'addressee'],
    ...addressees.map((a) => [a, 'addressee (generated)'] as [string, string]),
    ['越城区', 'place'], ['龙港市', 'place'], ['鉴水科技城', 'place'], ['余姚市', 'place'], ['嘉兴', 'place'],
    ['浙科提〔2024〕297号', '文号'], ['越科〔2024〕8号', '文号'], ...docNos.map((d) => [d, '文号 (generated)'] as [string, string]),
    ['温138', 'reply number'], ['002482090/2024-00128', '索引号'], ['11330602056860309P/2024-96040', '索引号'],
    ['科创', '2-char'], ['人才', '2-char'], ['孵化', '2-char'],
    ['科技创新', '4-char'], ['研发投入', '4-char'], ['成果转化', '4-char'], ['清单式答复', 'phrase'], ['产教融合', '4-char'],
    ['技创新体', 'across words'], ['城区认真贯彻', 'across words'], ['人才飞地', 'across words'],
    ['系統', 'traditional → simplified'], ['嘉興', 'traditional → simplified'], ['研發投入', 'traditional → simplified'], ['創新聯合體', 'traditional → simplified'],
    ['嘉兴市高质量推动', 'simplified → traditional notice'], ['大抓落实年', 'simplified → traditional notice'],
    ['越城区 鉴水科技城', 'two terms'],
  ];
}
const NEGATIVES = ['火星创新', '量子纠缠', '梁孝克 火星', '区宇宙局', '外星人答复'];

describe(`search quality: sample content + ${CORPUS} generated notices`, () => {
  const rows: Array<{ q: string; kind: string; relevant: number; recall: number; exactTop: boolean }> = [];

  it('has at least 30 queries, each positive with at least one relevant notice', () => {
    const qs = positives();
    expect(qs.length + NEGATIVES.length).toBeGreaterThanOrEqual(30);
    for (const [q] of qs) expect(relevant(q).size, q).toBeGreaterThan(0);
    for (const q of NEGATIVES) expect(relevant(q).size, q).toBe(0);
  });

  it('recall@5 ≥ 95%, and multi-character queries show the exact text first', async () => {
    for (const [q, kind] of positives()) {
      const rel = relevant(q);
      const r = await searchFor(page, server.url, q);
      const top = r.results.slice(0, 5).map((x) => x.path);
      const recall = top.filter((p) => rel.has(p)).length / Math.min(5, rel.size);
      // Results containing the query text itself rank above those with its pieces apart.
      const exactTop = top.length >= Math.min(5, rel.size) && top.slice(0, Math.min(5, rel.size)).every((p) => rel.has(p));
      rows.push({ q, kind, relevant: rel.size, recall, exactTop });
    }
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
      if (r.results.length) expect(r.heading, q).toMatch(/^只包含部分关键词的结果/);
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
