import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import type { Browser, Page } from 'playwright-core';
import { runScript } from '../../scripts/lib/project-copy';
import { writeCorpusProject } from '../../scripts/lib/corpus-project';
import { launchChromium } from '../helpers/browser';
import { axeViolations } from '../helpers/axe';
import { serveStatic } from '../helpers/static-server';
import { searchFor } from '../helpers/search-page';
import { formatDateZh } from '../../src/lib/site/format';
import type { BundleList } from '../../src/lib/build/search-delta';
import { YEAR_FILTER } from '../../src/lib/search/scope';

/**
 * A large site's layout at a small scale: shards follow years and each big year has a small head
 * bundle of its newest notices (src/lib/build/shards.ts). A search filtered to a year opens that
 * year's head first and says so, with a button for the rest of the year; a query the head cannot
 * answer well opens the year's shards at once.
 */
const env = { GONGKAI_SHARD_SIZE: '60', GONGKAI_RECENT_SIZE: '10', GONGKAI_YEAR_SPLIT: '100' };
const root = join(mkdtempSync(join(tmpdir(), 'gongkai-year-heads-')), 'site');
const { notices } = writeCorpusProject(root, { count: 400, seed: 11 });
const dist = join(root, 'dist');
const year = (extra: string) => `&${encodeURIComponent(YEAR_FILTER)}=${extra}`;

let server: Awaited<ReturnType<typeof serveStatic>>;
let browser: Browser;
let page: Page;
let list: BundleList;
beforeAll(async () => {
  const r = runScript('build', ['--root', root], undefined, env);
  if (r.status !== 0) throw new Error(r.stderr);
  list = JSON.parse(readFileSync(join(dist, 'search/bundles.json'), 'utf8')) as BundleList;
  server = await serveStatic(dist);
  browser = await launchChromium();
  page = await browser.newPage();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(join(root, '..'), { recursive: true, force: true });
});

describe('a year filter on a large site', () => {
  it('lists a small head bundle per big year, within that year', () => {
    const heads = Object.entries(list.yearHeads ?? {});
    expect(heads.length).toBeGreaterThan(3);
    for (const [y, head] of heads) {
      expect(head.since.slice(0, 4)).toBe(y);
      for (const b of head.bundles) expect(list.ranges![b]![1] >= head.since).toBe(true);
    }
  });

  it("opens the year's head first, says which notices it searched, and the rest of the year on request", async () => {
    const [y, head] = Object.entries(list.yearHeads!).find(([y]) => y < list.recent!.since.slice(0, 4))!;
    const others = list.bundles.filter((b) => list.ranges![b] && !head.bundles.includes(b) && list.ranges![b]![0].slice(0, 4) <= y && y <= list.ranges![b]![1].slice(0, 4));
    expect(others.length).toBeGreaterThan(0);
    const fetched: string[] = [];
    const onRequest = (r: { url(): string }) => fetched.push(new URL(r.url()).pathname);
    page.on('request', onRequest);
    try {
      const first = await searchFor(page, server.url, '科技创新', year(y));
      expect(first.status).toMatch(new RegExp(`^在${formatDateZh(head.since)}至${y}年底发布的信息中找到 \\d+ 条结果。$`));
      expect(first.results).toHaveLength(10);
      const dates = await page.locator('#search-result-list .result-meta').allTextContents();
      expect(dates.every((d) => (/发文日期：(\S+)/.exec(d)?.[1] ?? '') >= head.since)).toBe(true);
      // Nothing of the year's other shards was read.
      expect(fetched.filter((p) => others.some((b) => p.startsWith(`${b}index/`) || p.startsWith(`${b}fragment/`)))).toEqual([]);
      const button = page.locator('#search-everything');
      await expect.poll(() => button.textContent()).toBe(`也搜索${formatDateZh(head.since)}以前发布的信息`);
      expect(await axeViolations(page)).toEqual([]);

      await button.click();
      await page.waitForFunction(() => /^找到 \d+ 条结果。$/.test(document.getElementById('search-status')!.textContent ?? ''));
      const count = (t: string) => Number(/(\d+) 条/.exec(t)![1]);
      expect(count((await page.locator('#search-status').textContent())!)).toBeGreaterThan(count(first.status));
      expect(fetched.some((p) => others.some((b) => p.startsWith(`${b}index/`)))).toBe(true);
      const all = await page.locator('#search-result-list .result-meta').allTextContents();
      expect(all.every((d) => d.includes(`发文日期：${y}-`))).toBe(true);
    } finally {
      page.off('request', onRequest);
    }
  });

  it('a query the head cannot answer well searches the whole year at once', async () => {
    const [y, head] = Object.entries(list.yearHeads!).find(([y]) => y < list.recent!.since.slice(0, 4))!;
    const dateOf = (n: (typeof notices)[number]) => /^date: (.+)$/m.exec(n.content)![1]!;
    // An addressee whose notices of that year are all older than its head.
    const old = notices.find((n) => n.addressee && dateOf(n).startsWith(y) && dateOf(n) < head.since)!;
    const found = await searchFor(page, server.url, old.addressee!, year(y));
    expect(found.status).toMatch(/^找到 \d+ 条结果。$/);
    expect(found.results.some((r) => r.title === /^title: (.+)$/m.exec(old.content)![1])).toBe(true);
  });
});
