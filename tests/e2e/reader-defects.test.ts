import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { SCREENSHOTS, withBuiltSiteInChromium, type BuiltSite } from '../helpers/built-site';
import { PROJECT_ROOT } from '../support/project-copy';

/**
 * What readers hit, on the built sample site in Chromium (issue 22, items 10–19). Layout is
 * measured at a phone's 390 px and a desktop's 1280 px.
 */
const PHOTO_NOTICE = '/notices/11330602056860309P-2024-00031/';
const TABLE_NOTICE = '/notices/002482090-2024-00128/';
let site: BuiltSite;
let browser: Browser;

async function newPage(width = 1280): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width, height: width < 600 ? 844 : 900 },
    deviceScaleFactor: 1,
  });
  return context.newPage();
}
const html = (path: string) => readFileSync(join(site.dist, path, 'index.html'), 'utf8');
const metaOf = (page: string, name: string) =>
  new RegExp(`<meta (?:name|property)="${name}" content="([^"]*)"`).exec(html(page))?.[1];

withBuiltSiteInChromium((s, b) => {
  site = s;
  browser = b;
});

describe('10. a web address in Chinese text', () => {
  it('links only the address, and the sentence after it stays text', () => {
    expect(html(TABLE_NOTICE)).toContain(
      '门户网站（<a href="http://kjt.zj.gov.cn">http://kjt.zj.gov.cn</a>），了解科技创新规划计划、政策等方面的工作信息。',
    );
  });
});

describe.each([390, 1280])('at %i px', (width) => {
  it('11. a 1920 px photo fits its column; the page is no wider than the window (standard, care and print)', async () => {
    const page = await newPage(width);
    for (const path of [PHOTO_NOTICE, `/care${PHOTO_NOTICE}`]) {
      await page.goto(site.url + path);
      await page.locator('.notice-body img').evaluate((img: HTMLImageElement) => img.decode());
      const m = await page.evaluate(() => {
        const img = document.querySelector('.notice-body img')!;
        return {
          img: img.getBoundingClientRect().width,
          column: img.closest('.notice-body')!.getBoundingClientRect().width,
          page: document.documentElement.scrollWidth,
          natural: (img as HTMLImageElement).naturalWidth,
        };
      });
      expect(m.natural, path).toBe(1920);
      expect(m.img, path).toBeLessThanOrEqual(m.column);
      expect(m.page, path).toBeLessThanOrEqual(width);
    }
    await page.emulateMedia({ media: 'print' });
    await page.goto(site.url + PHOTO_NOTICE);
    const printed = await page.evaluate(
      () =>
        document.querySelector('.notice-body img')!.getBoundingClientRect().width <=
        document.querySelector('.notice-body')!.getBoundingClientRect().width,
    );
    expect(printed).toBe(true);
    if (width === 390)
      await page.pdf({ path: join(SCREENSHOTS, 'notice-photo-print.pdf'), format: 'A4' });
    await page.close();
  });

  it('12. results arriving on the search page move nothing (layout shift)', async () => {
    const page = await newPage(width);
    await page.addInitScript(() => {
      (window as unknown as { shift: number }).shift = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as Array<
          PerformanceEntry & { value: number; hadRecentInput: boolean }
        >)
          if (!e.hadRecentInput) (window as unknown as { shift: number }).shift += e.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(`${site.url}/search/?q=${encodeURIComponent('科技')}`);
    await page.waitForFunction(
      () => document.getElementById('search-app')!.dataset.state === 'done',
      null,
      { timeout: 15_000 },
    );
    expect(await page.locator('#search-result-list li').count()).toBeGreaterThan(1);
    await page.waitForTimeout(300);
    const shift = await page.evaluate(() => (window as unknown as { shift: number }).shift);
    expect(shift).toBeLessThan(0.01);
    await page.close();
  });

  it('18. the breadcrumb separator stays with its crumb; result dates never break', async () => {
    const page = await newPage(width);
    await page.goto(site.url + TABLE_NOTICE);
    const alone = await page.evaluate(
      () =>
        [...document.querySelectorAll('.breadcrumb li + li')].filter((li) => {
          const first = document.createRange();
          const text = [...li.childNodes]
            .map((n) => (n.nodeType === 3 ? n : n.firstChild))
            .find((n) => n && n.textContent!.trim())!;
          first.setStart(text, 0);
          first.setEnd(text, 1);
          // The crumb's first character on the same line as the › before it.
          return first.getBoundingClientRect().top - li.getBoundingClientRect().top > 4;
        }).length,
    );
    expect(alone).toBe(0);
    await page.goto(`${site.url}/search/?q=${encodeURIComponent('科技')}`);
    await page.waitForFunction(
      () => document.getElementById('search-app')!.dataset.state === 'done',
      null,
      { timeout: 15_000 },
    );
    const broken = await page.evaluate(() =>
      [...document.querySelectorAll('.result-meta .nowrap')]
        .filter((s) => s.getClientRects().length > 1)
        .map((s) => s.textContent),
    );
    expect(broken).toEqual([]);
    expect(await page.locator('.result-meta .nowrap').count()).toBeGreaterThan(0);
    await page.close();
  });
});

describe('14. care mode on a phone', () => {
  it('a notice leads with its title, within the first screen', async () => {
    const page = await newPage(390);
    await page.goto(`${site.url}/care${TABLE_NOTICE}`);
    const m = await page.evaluate(() => ({
      h1: document.querySelector('h1')!.getBoundingClientRect().top,
      meta: document.querySelector('.notice-meta')!.getBoundingClientRect().top,
    }));
    expect(m.h1).toBeLessThan(m.meta);
    expect(m.h1).toBeLessThan(600);
    await page.close();
  });

  it('every button and select has body-size text and a 44 px target', async () => {
    const page = await newPage(390);
    await page.goto(`${site.url}/care/search/?q=${encodeURIComponent('科技')}`);
    await page.waitForFunction(
      () => document.getElementById('search-app')!.dataset.state === 'done',
      null,
      { timeout: 15_000 },
    );
    const small = await page.evaluate(() =>
      [...document.querySelectorAll('button, select')]
        .filter((b) => b.getClientRects().length > 0)
        .map((b) => ({
          text: b.textContent!.trim().slice(0, 12),
          font: parseFloat(getComputedStyle(b).fontSize),
          height: b.getBoundingClientRect().height,
        }))
        .filter((b) => b.font < 20 || b.height < 44),
    );
    expect(small).toEqual([]);
    await page.close();
  });
});

describe('15. descriptions', () => {
  it('come from the first sentence of real body text, not the letterhead, salutation or a heading', () => {
    expect(metaOf(TABLE_NOTICE, 'description')).toBe(
      '您提出的关于支持龙港市青龙湖科技城创建省级创新联合体和招引顶尖科创团队的建议收悉。',
    );
    expect(metaOf(TABLE_NOTICE, 'og:description')).toBe(metaOf(TABLE_NOTICE, 'description'));
    expect(metaOf('/notices/11330602056860309P-2023-00102/', 'description')).toBe(
      '您提出的《关于提升制造业创新能力的建议》（市政协十四届二次会议第113号提案）已收悉，感谢您一直以来对我市科技工作的关心与支持。',
    );
    const feed = readFileSync(join(site.dist, 'feed.xml'), 'utf8');
    expect(feed).not.toContain('<description>浙江省科学技术厅</description>');
  });
});

describe('16. tables and attachments', () => {
  it('a data table has a caption; attachments open in the browser and print their full address', async () => {
    expect(html(TABLE_NOTICE)).toMatch(/<table><caption>表 1：序号、具体诉求、答复内容<\/caption>/);
    const mdx = html('/notices/11330602056860309P-2024-00077/');
    expect(mdx).not.toMatch(/<a [^>]*download/);
    const page = await newPage(1280);
    await page.emulateMedia({ media: 'print' });
    await page.goto(site.url + '/notices/11330602056860309P-2024-00077/');
    const printed = await page.evaluate(
      () => getComputedStyle(document.querySelector('.attachment-list a')!, '::after').content,
    );
    expect(printed).toBe(
      '"（https://gongkai.example.gov.cn/files/zhengxie-12-banli-qingkuang.csv）"',
    );
    await page.close();
  });
});

describe('17. sitemap', () => {
  it('lists the reports and every session listing', () => {
    const sitemap = readFileSync(join(site.dist, 'sitemap.xml'), 'utf8');
    const locs = [
      ...sitemap.matchAll(/<loc>https:\/\/gongkai\.example\.gov\.cn([^<]*)<\/loc>/g),
    ].map((m) => m[1]!);
    expect(locs).toContain('/reports/');
    for (const year of ['2023', '2024', '2026']) expect(locs).toContain(`/reports/${year}/`);
    const sessions = readFileSync(
      join(site.dist, 'categories/renda-jianyi/sessions/index.html'),
      'utf8',
    );
    const listed = [
      ...sessions.matchAll(/href="(\/categories\/renda-jianyi\/sessions\/[^"/]+\/)"/g),
    ].map((m) => m[1]!);
    expect(listed.length).toBeGreaterThan(1);
    for (const path of listed) expect(locs).toContain(path);
  });
});

describe('18. listings of replies', () => {
  it('name the deputy or member of each reply', () => {
    const listing = html('/categories/renda-jianyi/');
    expect(listing).toMatch(/冯观萍代表 · 区科技局/);
    expect(listing).toMatch(/梁孝克代表 · 省科技厅/);
  });
});

describe('19. open data', () => {
  it('carries each notice’s attachments (title, URL, format, size) and contact', () => {
    const records = JSON.parse(readFileSync(join(site.dist, 'data/notices.json'), 'utf8')) as Array<
      Record<string, any>
    >;
    const withFile = records.find((r) => r.indexNo === '11330602056860309P/2024-00077')!;
    const bytes = readFileSync(
      join(PROJECT_ROOT, 'public/files/zhengxie-12-banli-qingkuang.csv'),
    ).length;
    expect(withFile.attachments).toEqual([
      {
        title: '提案办理情况表',
        url: 'https://gongkai.example.gov.cn/files/zhengxie-12-banli-qingkuang.csv',
        format: 'CSV',
        bytes,
      },
    ]);
    expect(records.find((r) => r.indexNo === '002482090/2024-00128')!.contact).toEqual({
      name: '蔡建军',
      phone: '0571-87055403',
      unit: '省科技厅法规处',
    });
    const csv = readFileSync(join(site.dist, 'data/notices.csv'), 'utf8');
    expect(csv.split('\r\n')[0]).toMatch(/,附件,联系人,联系电话,联系单位,/);
    expect(csv).toContain(
      `提案办理情况表（CSV，${bytes} 字节）https://gongkai.example.gov.cn/files/zhengxie-12-banli-qingkuang.csv`,
    );
  });
});

describe('screenshots (kept out of git, for people to look at)', () => {
  it('a notice with a large photo, care mode on a phone, the search page before and after results, at 390 and 1280 px', async () => {
    for (const width of [390, 1280]) {
      const page = await newPage(width);
      await page.goto(site.url + PHOTO_NOTICE);
      await page.screenshot({
        path: join(SCREENSHOTS, `photo-notice-${width}.png`),
        fullPage: true,
      });
      await page.goto(`${site.url}/care${TABLE_NOTICE}`);
      await page.screenshot({ path: join(SCREENSHOTS, `care-notice-${width}.png`) });
      await page.goto(`${site.url}/search/`);
      await page.screenshot({ path: join(SCREENSHOTS, `search-before-${width}.png`) });
      await page.goto(`${site.url}/search/?q=${encodeURIComponent('科技')}`);
      await page.waitForFunction(
        () => document.getElementById('search-app')!.dataset.state === 'done',
        null,
        { timeout: 15_000 },
      );
      await page.screenshot({ path: join(SCREENSHOTS, `search-after-${width}.png`) });
      await page.close();
    }
  });
});
