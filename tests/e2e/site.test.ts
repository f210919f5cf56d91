import { beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { axeViolations } from '../helpers/axe';
import { htmlcsErrors } from '../helpers/htmlcs';
import { SCREENSHOTS, withBuiltSiteInChromium, type BuiltSite } from '../helpers/built-site';
import { serveStatic } from '../support/static-server';
import { isImmutablePath } from '../../src/lib/site/cache-policy';
import { headersFile } from '../../src/lib/site/security-headers';

let site: BuiltSite;
let browser: Browser;
const offSite: string[] = [];
const cspViolations: string[] = [];

async function newPage(width = 1280): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  // Every Content-Security-Policy violation on any page, reported back to the test.
  await page.exposeFunction('__reportCsp', (v: string) => cspViolations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      // @ts-expect-error exposed by the test
      window.__reportCsp(`${location.pathname}: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  page.on('request', (req) => {
    if (!req.url().startsWith(site.url) && !req.url().startsWith('data:')) offSite.push(req.url());
  });
  return page;
}

/** Every same-site page reachable by links from `start`, staying under `prefix`. */
async function crawl(page: Page, start: string, prefix: string): Promise<string[]> {
  const seen = new Set<string>([start]);
  const queue = [start];
  while (queue.length) {
    const path = queue.shift()!;
    await page.goto(site.url + path);
    const links = await page.$$eval('a[href]', (as) =>
      as.map((a) => (a as HTMLAnchorElement).href),
    );
    for (const href of links) {
      const u = new URL(href);
      if (u.origin !== site.url || !u.pathname.endsWith('/') || !u.pathname.startsWith(prefix))
        continue;
      if (!seen.has(u.pathname)) {
        seen.add(u.pathname);
        queue.push(u.pathname);
      }
    }
  }
  return [...seen].sort();
}

async function structure(page: Page) {
  return page.evaluate(() => ({
    lang: document.documentElement.getAttribute('lang'),
    h1: document.querySelectorAll('h1').length,
    skip: (document.querySelector('body a') as HTMLAnchorElement | null)?.getAttribute('href'),
    banner: document.querySelectorAll('body > header').length,
    nav: document.querySelectorAll('nav').length,
    main: document.querySelectorAll('main').length,
    contentinfo: document.querySelectorAll('body > footer').length,
    scripts: document.querySelectorAll('script').length,
  }));
}

withBuiltSiteInChromium((s, b) => {
  site = s;
  browser = b;
});

describe.each([
  ['standard', '/', '/'],
  ['care', '/care/', '/care/'],
])('every page in %s mode', (_mode, start, prefix) => {
  let pages: string[] = [];
  beforeAll(async () => {
    const page = await newPage();
    pages = await crawl(page, start, prefix);
    await page.close();
  });

  it('reaches every page type from the home page', () => {
    for (const kind of [
      'notices/',
      'categories/',
      'sessions/',
      'issuers/',
      'years/',
      'browse/',
      'search/',
      'reports/2024/',
      'in-force/',
      'not-in-force/',
    ]) {
      expect(
        pages.some((p) => p.includes(kind)),
        kind,
      ).toBe(true);
    }
    expect(pages.length).toBeGreaterThan(25);
  });

  it('has no axe violations (WCAG 2.2 AA tags, landmark-unique), no HTML_CodeSniffer WCAG2AA errors, html lang, one h1, a skip link, landmarks and no script', async () => {
    const page = await newPage();
    const failures: string[] = [];
    // The second engine runs and reports: a known fault is found.
    await page.setContent(
      '<html lang="zh-Hans"><head><title>t</title></head><body><main><img src="x.png"></main></body></html>',
    );
    expect((await htmlcsErrors(page)).join('\n')).toMatch(/H37 <img>/);
    // The search page also with its results shown (they are rendered by its script).
    const withResults = `${prefix}search/?q=${encodeURIComponent('科技')}`;
    for (const path of [...pages, withResults, '/no-such-page/']) {
      const resp = await page.goto(site.url + path);
      expect(resp?.status(), path).toBe(path === '/no-such-page/' ? 404 : 200);
      if (path === withResults)
        await page.waitForFunction(
          () =>
            document.getElementById('search-app')!.dataset.state === 'done' &&
            document.querySelectorAll('#search-result-list li').length > 1,
          null,
          { timeout: 15_000 },
        );
      const s = await structure(page);
      if (s.lang !== 'zh-Hans') failures.push(`${path}: lang=${s.lang}`);
      if (s.h1 !== 1) failures.push(`${path}: ${s.h1} h1`);
      if (s.skip !== '#main') failures.push(`${path}: first link is ${s.skip}`);
      if (!s.banner || !s.nav || s.main !== 1 || !s.contentinfo)
        failures.push(`${path}: landmarks ${JSON.stringify(s)}`);
      if (s.scripts !== 0 && !path.includes('search/'))
        failures.push(`${path}: ${s.scripts} script elements`);
      for (const v of await axeViolations(page)) failures.push(`${path}: ${v}`);
      for (const e of await htmlcsErrors(page)) failures.push(`${path}: HTML_CodeSniffer ${e}`);
    }
    await page.close();
    expect(failures).toEqual([]);
  });
});

describe('reading comfort', () => {
  it('care mode is reachable from every page and keeps body text ≥ 18px with line height ≥ 1.5', async () => {
    const page = await newPage();
    await page.goto(`${site.url}/notices/002482090-2024-00128/`);
    await page.getByRole('link', { name: '长者模式（大字）' }).click();
    // Measured once the care page and its stylesheet have loaded (on a busy machine the click returns before).
    await page.waitForURL((u) => u.pathname === '/care/notices/002482090-2024-00128/', {
      waitUntil: 'load',
    });
    const sizes = await page.$$eval('.notice-body p, .notice-list a, .notice-meta td', (els) =>
      els.map((el) => {
        const cs = getComputedStyle(el);
        return {
          size: parseFloat(cs.fontSize),
          line: parseFloat(cs.lineHeight) / parseFloat(cs.fontSize),
        };
      }),
    );
    expect(sizes.length).toBeGreaterThan(5);
    for (const s of sizes) {
      expect(s.size).toBeGreaterThanOrEqual(18);
      expect(s.line).toBeGreaterThanOrEqual(1.5);
    }
    // Links inside care mode stay in care mode; the switch leads back.
    const hrefs = await page.$$eval('main a[href^="/"]', (as) =>
      as.map((a) => a.getAttribute('href')!),
    );
    expect(hrefs.filter((h) => !h.startsWith('/care/') && !h.startsWith('/files/'))).toEqual([]);
    await page.getByRole('link', { name: '退出长者模式' }).click();
    expect(new URL(page.url()).pathname).toBe('/notices/002482090-2024-00128/');
    await page.close();
  });

  it('on a 375px phone the page never scrolls sideways; the wide table scrolls in its own box', async () => {
    const page = await newPage(375);
    await page.goto(`${site.url}/notices/002482090-2024-00128/`);
    const m = await page.evaluate(() => {
      const box = document.querySelector('.table-scroll')!;
      return {
        page: document.documentElement.scrollWidth,
        viewport: window.innerWidth,
        box: box.scrollWidth,
        boxVisible: box.clientWidth,
      };
    });
    expect(m.page).toBeLessThanOrEqual(m.viewport);
    expect(m.box).toBeGreaterThan(m.boxVisible);
    await page.close();
  });

  it.each([
    '/',
    '/notices/002482090-2024-00128/',
    '/categories/renda-jianyi/',
    '/care/notices/11330602056860309P-2024-00077/',
  ])(
    'keyboard only on %s: Tab reaches every link and control in order, each with a visible focus indicator',
    async (path) => {
      const page = await newPage();
      await page.goto(site.url + path);
      const expected = await page.$$eval('a[href], input, button, [tabindex="0"]', (els) =>
        els
          .filter(
            (e) => (e as HTMLElement).offsetParent !== null || e.classList.contains('skip-link'),
          )
          .map((e) => e.outerHTML.slice(0, 80)),
      );
      const reached: string[] = [];
      const invisible: string[] = [];
      for (let i = 0; i < expected.length; i++) {
        await page.keyboard.press('Tab');
        const info = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement;
          const cs = getComputedStyle(el);
          const ring =
            (cs.outlineStyle !== 'none' &&
              parseFloat(cs.outlineWidth) >= 2 &&
              cs.outlineColor !== 'rgba(0, 0, 0, 0)') ||
            cs.boxShadow !== 'none';
          const r = el.getBoundingClientRect();
          return {
            html: el.outerHTML.slice(0, 80),
            ring,
            onScreen: r.width > 0 && r.height > 0 && r.left >= 0,
          };
        });
        reached.push(info.html);
        if (!info.ring || !info.onScreen) invisible.push(info.html);
      }
      expect(reached).toEqual(expected);
      expect(invisible).toEqual([]);
      await page.close();
    },
  );
});

describe('print and languages', () => {
  it('prints the notice alone: no header search, navigation, footer or pager', async () => {
    const page = await newPage();
    await page.goto(`${site.url}/notices/002482090-2024-00128/`);
    await page.emulateMedia({ media: 'print' });
    const shown = await page.evaluate(() =>
      Object.fromEntries(
        [
          '.site-nav',
          '.site-footer',
          '.search-form',
          '.mode-switch',
          '.pager',
          '.breadcrumb',
          '.print-link',
          '.notice-meta',
          '.notice-body',
          'h1',
        ].map((sel) => [sel, getComputedStyle(document.querySelector(sel)!).display !== 'none']),
      ),
    );
    expect(shown).toEqual({
      '.site-nav': false,
      '.site-footer': false,
      '.search-form': false,
      '.mode-switch': false,
      '.pager': false,
      '.breadcrumb': false,
      '.print-link': false,
      '.notice-meta': true,
      '.notice-body': true,
      h1: true,
    });
    await page.pdf({ path: join(SCREENSHOTS, 'notice-table-print.pdf'), format: 'A4' });
    await page.close();
  });

  it('a traditional-character notice marks its content zh-Hant while the chrome stays zh-Hans', async () => {
    const page = await newPage();
    await page.goto(`${site.url}/notices/11330602056860309P-2024-00101/`);
    const langs = await page.evaluate(() => ({
      html: document.documentElement.lang,
      h1: document.querySelector('h1')!.getAttribute('lang'),
      body: document.querySelector('.notice-body')!.getAttribute('lang'),
      nav: document.querySelector('.site-nav')!.closest('[lang]')!.getAttribute('lang'),
    }));
    expect(langs).toEqual({ html: 'zh-Hans', h1: 'zh-Hant', body: 'zh-Hant', nav: 'zh-Hans' });
    await page.close();
  });

  it('the 打印 link works without JavaScript: it reveals how to print', async () => {
    const page = await newPage();
    await page.goto(`${site.url}/notices/002482090-2024-00128/`);
    await expect.poll(() => page.locator('#print-help').isVisible()).toBe(false);
    await page.getByRole('link', { name: '打印本页' }).click();
    await expect.poll(() => page.locator('#print-help').isVisible()).toBe(true);
    await page.close();
  });
});

describe('feeds, sitemap and the rest', () => {
  it.each(['/feed.xml', '/categories/renda-jianyi/feed.xml', '/sitemap.xml'])(
    '%s parses as XML',
    async (path) => {
      const page = await newPage();
      const xml = await (await fetch(site.url + path)).text();
      await page.goto(site.url + '/');
      const errors = await page.evaluate((x) => {
        const doc = new DOMParser().parseFromString(x, 'application/xml');
        return {
          error: doc.getElementsByTagName('parsererror').length,
          items: doc.querySelectorAll('item, url').length,
        };
      }, xml);
      expect(errors.error).toBe(0);
      expect(errors.items).toBeGreaterThan(0);
      await page.close();
    },
  );

  it('takes screenshots at 375 and 1280 px (kept out of git, for people to look at)', async () => {
    for (const width of [375, 1280]) {
      const page = await newPage(width);
      for (const [name, path] of [
        ['home', '/'],
        ['notice-table', '/notices/002482090-2024-00128/'],
        ['notice-mdx', '/notices/11330602056860309P-2024-00077/'],
        ['listing', '/categories/renda-jianyi/'],
        ['care-notice', '/care/notices/11330602056860309P-2024-96040/'],
      ] as const) {
        await page.goto(site.url + path);
        await page.screenshot({
          path: join(SCREENSHOTS, `${name}-${width}.png`),
          fullPage: width === 1280 ? false : false,
        });
      }
      await page.close();
    }
  });

  it('search works under the Content-Security-Policy', async () => {
    const page = await newPage();
    await page.goto(`${site.url}/search/?q=${encodeURIComponent('越城区')}`);
    await page.waitForFunction(
      () => document.getElementById('search-app')!.dataset.state === 'done',
      null,
      { timeout: 15_000 },
    );
    expect(await page.locator('#search-result-list li').count()).toBeGreaterThan(0);
    await page.goto(`${site.url}/care/search/?q=${encodeURIComponent('系統')}`);
    await page.waitForFunction(
      () => document.getElementById('search-app')!.dataset.state === 'done',
      null,
      { timeout: 15_000 },
    );
    await page.close();
  });

  it('the files the cache policy calls immutable are named by their content, and they are all such files', () => {
    expect(readFileSync(join(site.dist, '_headers'), 'utf8')).toBe(headersFile());
    const files = readdirSync(site.dist, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => `/${join(e.parentPath, e.name).slice(site.dist.length + 1)}`);
    const immutable = files.filter(isImmutablePath);
    // Vite's assets carry a hash; Pagefind names its fragments, index chunks and filters by a hash of their content.
    const hashed =
      /^\/_astro\/[^/]+\.[\w-]{8}\.(?:css|js)$|^\/pagefind(?:-[a-z0-9]+)?\/(?:fragment|index|filter)\/[a-z]+_[0-9a-f]{7,}\.pf_(?:fragment|index|filter)$/;
    expect(immutable.filter((f) => !hashed.test(f))).toEqual([]);
    expect(files.filter((f) => hashed.test(f) && !isImmutablePath(f))).toEqual([]);
    for (const kind of ['.pf_fragment', '.pf_index', '.pf_filter', '.css', '.js'])
      expect(
        immutable.some((f) => f.endsWith(kind)),
        kind,
      ).toBe(true);
    // Pages, the bundle list and Pagefind's entry file are asked for again.
    for (const f of [
      '/index.html',
      '/search/bundles.json',
      '/pagefind/pagefind-entry.json',
      '/pagefind/pagefind.js',
      '/favicon.svg',
    ])
      expect(isImmutablePath(f), f).toBe(false);
  });

  it('with the deployed cache policy, a second search page load takes the index files from the browser cache', async () => {
    const cached = await serveStatic(site.dist, { cachePolicy: true });
    // Not newPage(): this server is another origin, which the off-site check would count.
    const page = await browser.newPage();
    // What reaches the server: a file the browser took from its cache is not asked for.
    const asked: string[] = [];
    cached.server.on('request', (req) => {
      if (/\/(?:fragment|index)\//.test(req.url ?? '')) asked.push(req.url!);
    });
    try {
      for (const round of [1, 2]) {
        asked.length = 0;
        await page.goto(`${cached.url}/search/?q=${encodeURIComponent('越城区')}`);
        await page.waitForFunction(
          () => document.getElementById('search-app')!.dataset.state === 'done',
          null,
          { timeout: 15_000 },
        );
        if (round === 1) expect(asked.length).toBeGreaterThan(0);
        else expect(asked).toEqual([]);
      }
    } finally {
      await page.close();
      await cached.close();
    }
  });

  it('no page of any type violated the CSP, and no request ever left the site', () => {
    expect(cspViolations).toEqual([]);
    expect(offSite).toEqual([]);
  });
});
