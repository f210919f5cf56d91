import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../helpers/browser';
import { buildAndServe } from '../helpers/built-site';
import { searchFor } from '../helpers/search-page';

let site: Awaited<ReturnType<typeof buildAndServe>>;
let browser: Browser;

beforeAll(async () => {
  site = await buildAndServe();
  browser = await launchChromium();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('the search page', () => {
  it('type a query, hear the count, see results; filter; open a result', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}/`);
    // The header search box is a plain GET form to /search/?q=…
    await page.getByRole('searchbox', { name: '搜索本站公开信息' }).first().fill('研发投入');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\/\?q=/);
    await page.waitForFunction(
      () => document.getElementById('search-app')!.dataset.state === 'done',
    );
    const status = page.getByRole('status');
    await expect.poll(() => status.textContent()).toMatch(/^找到 \d+ 条包含「研发投入」的结果。$/);
    const before = await page.locator('#search-result-list li').count();
    expect(before).toBeGreaterThan(1);
    // Each result: title, 索引号, 发布机构, 发文日期, excerpt with the match highlighted.
    const first = page.locator('#search-result-list li').first();
    await expect
      .poll(() => first.locator('.result-meta').textContent())
      .toMatch(/索引号：\S+\s+发布机构：\S+\s+发文日期：\d{4}-\d{2}-\d{2}/);
    expect(await first.locator('mark').first().textContent()).toContain('研发投入');

    await page.getByLabel('发布机构').selectOption('余姚市科技局');
    await page.waitForFunction(
      () =>
        new URLSearchParams(location.search).get('发布机构') === '余姚市科技局' &&
        document.getElementById('search-app')!.dataset.state === 'done',
    );
    expect(await status.textContent()).toBe(
      '找到 1 条包含「研发投入」的结果（筛选条件：发布机构「余姚市科技局」）。',
    );
    await page.locator('#search-result-list a').first().click();
    await page.waitForURL(/\/notices\/11330602056860309P-2023-00102\/$/);
    await page.close();
  });

  it('a search that fails says so instead of "正在搜索…" for ever', async () => {
    const page = await browser.newPage();
    // Every result's text (Pagefind's fragments) fails to load, as on a broken connection.
    await page.route('**/fragment/**', (route) => route.abort());
    await page.goto(`${site.url}/search/?q=${encodeURIComponent('研发投入')}`);
    await page.waitForFunction(
      () => document.getElementById('search-app')!.dataset.state === 'error',
    );
    expect(await page.getByRole('status').textContent()).toBe(
      '搜索出错了，请再试一次，或通过信息公开目录查找。',
    );
    await page.close();
  });

  it('is fully keyboard usable', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}/search/`);
    // Typed before the page's script is ready, Enter submits the form natively and reloads the page.
    await page.waitForFunction(
      () => document.getElementById('search-app')!.dataset.state === 'idle',
    );
    await page.locator('#search-q').focus();
    await page.keyboard.type('冯观萍');
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      () => document.getElementById('search-app')!.dataset.state === 'done',
    );
    // Tab from the box through the filters to the first result.
    const order: string[] = [];
    for (let i = 0; i < 7; i++) {
      await page.keyboard.press('Tab');
      order.push(
        await page.evaluate(
          () => document.activeElement!.id || document.activeElement!.textContent!.slice(0, 20),
        ),
      );
    }
    expect(order.slice(0, 6)).toEqual([
      '搜索',
      'filter-category',
      'filter-issuer',
      'filter-year',
      'filter-validity',
      'search-sort',
    ]);
    expect(order[6]).toBe('对区十届人大三次会议第36号建议的答复');
    await page.keyboard.press('Enter');
    await page.waitForURL(/11330602056860309P-2024-96040/);
    await page.close();
  });

  it('says "没有找到" for an unknown term and labels partial matches as such', async () => {
    const page = await browser.newPage();
    const r = await searchFor(page, site.url, '火星创新');
    expect(r.state).toBe('partial');
    expect(r.count).toBeNull();
    expect(r.status).toBe(
      '没有找到包含「火星创新」的结果（本站没有「火星」）。下面列出只包含其中「创新」的信息，最新的在前，不计入搜索结果。',
    );
    expect(r.heading).toBe('只包含部分关键词（「创新」）的信息');
    expect(r.results.length).toBeGreaterThan(0);
    const none = await searchFor(page, site.url, '火星');
    expect(none.status).toBe('没有找到包含「火星」的结果。');
    expect(none.results).toEqual([]);
    // Punctuation alone is not searched: the page asks for words instead of naming none.
    const punctuation = await searchFor(page, site.url, '，。！');
    expect(punctuation.status).toBe('请输入要查找的字词：只有标点符号，无法搜索。');
    expect(punctuation.results).toEqual([]);
    await page.close();
  });

  it("filters without a keyword list that filter's notices, newest first; no keyword and no filter asks for words", async () => {
    const page = await browser.newPage();
    const records = JSON.parse(
      readFileSync(join(site.dist, 'data/notices.json'), 'utf8'),
    ) as Array<{ category: string; date: string; indexNo: string; url: string }>;
    const replies = records
      .filter((r) => r.category === '人大代表建议')
      .sort((a, b) => b.date.localeCompare(a.date) || a.indexNo.localeCompare(b.indexNo));
    expect(replies.length).toBeGreaterThan(1);
    await page.goto(`${site.url}/search/?${new URLSearchParams({ 组配分类: '人大代表建议' })}`);
    await page.waitForFunction(
      () => document.getElementById('search-app')!.dataset.state === 'done',
    );
    expect(await page.getByRole('status').textContent()).toBe(
      `按所选条件共有 ${replies.length} 条信息，最新的在前。`,
    );
    const hrefs = await page
      .locator('#search-result-list h3 a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual(replies.map((r) => new URL(r.url).pathname));
    await page.getByLabel('组配分类').selectOption('');
    await page.waitForFunction(
      () => document.getElementById('search-app')!.dataset.state === 'done',
    );
    expect(await page.getByRole('status').textContent()).toBe(
      '请输入要查找的字词，或选择筛选条件。',
    );
    await page.close();
  });

  it('the URL holds the whole state: back from a result shows the same list, as long, scrolled where it was', async () => {
    const page = await browser.newPage({ viewport: { width: 400, height: 500 } });
    await page.goto(`${site.url}/search/`);
    await page.waitForFunction(
      () => document.getElementById('search-app')!.dataset.state === 'idle',
    );
    await page.locator('#search-q').fill('的');
    await page.getByLabel('排序').selectOption('date');
    await page.waitForFunction(
      () => document.getElementById('search-app')!.dataset.state === 'done',
    );
    const shown = await page.locator('#search-result-list li').count();
    expect(new URL(page.url()).searchParams.get('q')).toBe('的');
    expect(new URL(page.url()).searchParams.get('sort')).toBe('date');
    const last = page.locator('#search-result-list li a').last();
    await last.scrollIntoViewIfNeeded();
    const y = await page.evaluate(() => window.scrollY);
    expect(y).toBeGreaterThan(0);
    const href = await last.getAttribute('href');
    await last.click();
    await page.waitForURL((u) => u.pathname === href);
    await page.goBack();
    await page.waitForFunction(
      () => document.getElementById('search-app')!.dataset.state === 'done',
    );
    expect(await page.locator('#search-result-list li').count()).toBe(shown);
    expect(await page.getByLabel('排序').inputValue()).toBe('date');
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(y);
    await page.close();
  });

  it('in care mode, results stay in care mode', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}/care/search/?q=${encodeURIComponent('梁孝克')}`);
    await page.waitForFunction(
      () => document.getElementById('search-app')!.dataset.state === 'done',
    );
    expect(await page.locator('#search-result-list a').first().getAttribute('href')).toBe(
      '/care/notices/002482090-2024-00128/',
    );
    await page.close();
  });

  it('without JavaScript it says so and links to the listings', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.url}/search/?q=test`);
    const text = await page.locator('main').textContent();
    expect(text).toContain('全文检索需要浏览器启用 JavaScript');
    expect(await page.getByRole('link', { name: '信息公开目录' }).last().getAttribute('href')).toBe(
      '/browse/',
    );
    await context.close();
  });
});
