import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import {
  createTempProject,
  PROJECT_ROOT,
  userEnv,
  type TempProject,
} from '../support/project-copy';
import { launchChromium } from '../helpers/browser';
import { noticeSource } from '../helpers/notice';

/**
 * `npm run dev` as an editor uses it (issue 22, item 1): pages styled, broken notices reported in
 * Chinese in the terminal and on their page while every other notice is served, a notice broken
 * while the server runs reported the same way, and the search page saying it needs a build.
 */
const PORT = 4391 + (process.pid % 100);
const URL_BASE = `http://127.0.0.1:${PORT}`;
let project: TempProject;
let server: ChildProcess;
let output = '';
let browser: Browser;

async function get(path: string): Promise<{ status: number; text: string }> {
  const r = await fetch(URL_BASE + path);
  return { status: r.status, text: await r.text() };
}

async function until<T>(what: () => Promise<T | undefined>, ms: number): Promise<T> {
  const end = Date.now() + ms;
  let last = '';
  for (;;) {
    try {
      const v = await what();
      if (v !== undefined) return v;
      last = 'not yet';
    } catch (err) {
      last = String((err as Error).cause ?? err); // not listening yet
    }
    if (Date.now() > end)
      throw new Error(`timed out (${last}); server output:\n${output.slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

beforeAll(async () => {
  project = createTempProject({
    keepSampleNotices: true,
    notices: {
      'broken/colon.md': noticeSource({ indexNo: '11330602056860309P/2024-00901' }).replace(
        'title: ',
        'title：',
      ),
      'broken/slash-date.md': noticeSource({
        indexNo: '11330602056860309P/2024-00902',
        date: '2024/05/13',
      }),
    },
  });
  server = spawn(
    process.execPath,
    [
      join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs'),
      'dev',
      '--root',
      project.root,
      '--port',
      String(PORT),
      '--host',
      '127.0.0.1',
    ],
    {
      cwd: project.root,
      // Not vitest's environment (NODE_ENV=test, VITEST…): the dev server as an editor starts it.
      env: userEnv({ ASTRO_TELEMETRY_DISABLED: '1' }),
    },
  );
  server.stdout!.on('data', (d) => (output += d));
  server.stderr!.on('data', (d) => (output += d));
  await until(async () => {
    const r = await get('/');
    if (r.status !== 200) throw new Error(`GET / ${r.status}: ${r.text.slice(0, 300)}`);
    return true;
  }, 90_000);
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  server?.kill('SIGTERM');
  project?.remove();
});

describe('npm run dev', () => {
  it('starts despite two broken notices, and serves the others', async () => {
    expect((await get('/')).status).toBe(200);
    expect((await get('/notices/002482090-2024-00128/')).text).toContain(
      '对省十四届人大二次会议温138号建议的答复',
    );
  });

  it('styles pages: no Content-Security-Policy blocks Vite’s inline styles', async () => {
    const page = await browser.newPage();
    const blocked: string[] = [];
    page.on(
      'console',
      (m) => /Content Security Policy|violates/i.test(m.text()) && blocked.push(m.text()),
    );
    await page.goto(`${URL_BASE}/notices/002482090-2024-00128/`);
    await page.waitForLoadState('networkidle');
    const styled = await page.evaluate(() => ({
      main: getComputedStyle(document.querySelector('main')!).maxWidth,
      meta: getComputedStyle(document.querySelector('.notice-meta td')!).borderTopStyle,
    }));
    expect(styled).toEqual({ main: '1024px', meta: 'solid' });
    expect(blocked).toEqual([]);
    await page.close();
  });

  it('reports each broken notice in the terminal as npm run check does, in Chinese', () => {
    expect(output).toContain('src/content/notices/broken/colon.md:2  frontmatter（文件头）');
    expect(output).toContain('错误：第 2 行「title」后面用了全角冒号「：」');
    expect(output).toContain('src/content/notices/broken/slash-date.md:6  date（发文日期）');
    expect(output).not.toMatch(/js-yaml|InvalidContentEntryDataError/);
  });

  it('shows the report on each broken notice’s page', async () => {
    const colon = await get('/notices/broken-colon/');
    expect(colon.text).toContain('检查未通过：src/content/notices/broken/colon.md');
    expect(colon.text).toContain('后面用了全角冒号「：」');
    const date = await get('/notices/11330602056860309P-2024-00902/');
    expect(date.text).toContain('日期「2024/05/13」格式不对');
  });

  it('reports a notice broken while it runs, on its page and in the terminal, and keeps serving', async () => {
    const file = join(project.root, 'src/content/notices/2024/11330602056860309P-2024-96040.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('date: 2024-08-12', 'date: 2024-08-32'));
    const page = await until(async () => {
      const r = await get('/notices/11330602056860309P-2024-96040/');
      return r.text.includes('检查未通过') ? r.text : undefined;
    }, 30_000);
    expect(page).toContain('日期「2024-08-32」不存在');
    expect(output).toContain(
      'src/content/notices/2024/11330602056860309P-2024-96040.md:6  date（发文日期）',
    );
    expect((await get('/notices/002482090-2024-00128/')).status).toBe(200);
  });

  it('the search page says search needs a build', async () => {
    const page = await browser.newPage();
    await page.goto(`${URL_BASE}/search/?q=${encodeURIComponent('科技')}`);
    await page.waitForFunction(
      () => /npm run build/.test(document.getElementById('search-status')?.textContent ?? ''),
      null,
      { timeout: 30_000 },
    );
    expect(await page.locator('#search-status').textContent()).toBe(
      '本地预览（npm run dev）中没有搜索索引：请运行 npm run build，再用 npm start 查看全文检索。',
    );
    await page.close();
  });
});
