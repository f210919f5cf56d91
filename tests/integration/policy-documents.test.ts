import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  createTempProject,
  PROJECT_ROOT,
  runScript,
  type TempProject,
} from '../support/project-copy';
import { parseNotice } from '../../src/lib/content/frontmatter';
import { indexNoSlug } from '../../src/lib/model/index-no';
import { serveStatic } from '../support/static-server';
import { launchChromium } from '../helpers/browser';
import { axeViolations } from '../helpers/axe';
import { htmlcsErrors } from '../helpers/htmlcs';
import { searchFor } from '../helpers/search-page';

/**
 * A site of policy documents in each standing (tests/fixtures/policy-site): its pages, the 现行有效
 * library and the listing of rules no longer in force (site-wide and per category), the sitemap,
 * open data, search's 有效性 filter, and axe on each new page type in both modes. Expected members
 * and orders are worked out from the fixture's frontmatter, not written down.
 */
const FIXTURE = join(PROJECT_ROOT, 'tests/fixtures/policy-site');
const files = readdirSync(join(FIXTURE, 'notices')).sort();
const CODE = '11330602056860309P';

interface Doc {
  indexNo: string;
  title: string;
  category: string;
  date: string;
  docType?: string;
  validity?: string;
  source?: string;
  repealedOn?: string;
  expiresOn?: string;
  replaces?: string[];
  body: string;
}
const docs: Doc[] = files.map((f) => {
  const parsed = parseNotice(readFileSync(join(FIXTURE, 'notices', f), 'utf8'));
  if (parsed.errors.length) throw new Error(`${f}: ${JSON.stringify(parsed.errors)}`);
  return { ...(parsed.data as Omit<Doc, 'body'>), body: parsed.body };
});
const byNo = (serial: string) => docs.find((d) => d.indexNo === `${CODE}/${serial}`)!;
const DOC_TYPES = ['规章', '行政规范性文件', '其他文件'];

/** What a library listing holds, in the order the page must show it: by 文件类型, then newest first. */
function expectedMembers(inForce: boolean, category?: string): string[] {
  return docs
    .filter(
      (d) =>
        (d.docType === '规章' || d.docType === '行政规范性文件') &&
        (d.validity === '有效') === inForce &&
        (!category || d.category === category),
    )
    .sort(
      (a, b) =>
        DOC_TYPES.indexOf(a.docType!) - DOC_TYPES.indexOf(b.docType!) ||
        b.date.localeCompare(a.date),
    )
    .map((d) => d.title);
}

/** RFC 4180 rows: quoted fields may hold commas, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') ((field += '"'), i++);
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') (row.push(field), (field = ''));
    else if (c === '\r' && text[i + 1] === '\n')
      (rows.push([...row, field]), (row = []), (field = ''), i++);
    else field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

/** Text of inline HTML as it reads: tags dropped, nothing added. */
const inline = (html: string) => html.replace(/<[^>]+>/g, '').replace(/\s*\n\s*/g, '');

describe('a site of policy documents in each standing', () => {
  let project: TempProject;
  let build: ReturnType<typeof runScript>;
  const read = (path: string) => readFileSync(join(project.root, 'dist', path), 'utf8');
  const page = (serial: string, prefix = '') =>
    read(`${prefix}notices/${indexNoSlug(`${CODE}/${serial}`)}/index.html`);
  const status = (html: string) =>
    inline(/<p id="validity-status"[\s\S]*?<\/p>/.exec(html)?.[0] ?? '');
  /** A library page's groups: heading and the titles under it, in order. */
  const groups = (html: string) =>
    [...html.matchAll(/<section>\s*<h2>([\s\S]*?)<\/h2>([\s\S]*?)<\/section>/g)].map((m) => ({
      heading: inline(m[1]!),
      titles: [...m[2]!.matchAll(/<li>\s*<a [^>]*>([\s\S]*?)<\/a>/g)].map((t) => t[1]!.trim()),
    }));
  const titlesOf = (html: string) => groups(html).flatMap((g) => g.titles);

  beforeAll(() => {
    project = createTempProject();
    project.write(
      'src/content/site.config.ts',
      readFileSync(join(FIXTURE, 'site.config.ts'), 'utf8'),
    );
    for (const f of files)
      project.write(`src/content/notices/${f}`, readFileSync(join(FIXTURE, 'notices', f), 'utf8'));
    // A 2024 annual report (the sample's files): its section 二 is counted from these documents.
    for (const ext of ['yaml', 'md'])
      project.write(
        `src/content/reports/2024.${ext}`,
        readFileSync(join(PROJECT_ROOT, `src/content/reports/2024.${ext}`), 'utf8'),
      );
    build = runScript('build', ['--root', project.root]);
  });
  afterAll(() => project.remove());

  it('builds', () => {
    expect(build.status, build.stderr).toBe(0);
  });

  it('each document’s page says where it stands, linked both ways', () => {
    // In force: no status; a 规章 shows its 题注.
    expect(page('2024-00001')).not.toContain('validity-status');
    expect(page('2024-00001')).toContain(
      '<p class="preamble">（2024年1月10日示例市人民政府令第5号公布　自2024年3月1日起施行）</p>',
    );
    // Expired yet marked 有效: shown as declared (the audit fails it), its 有效期至 in the 信息索引.
    expect(page('2022-00002')).not.toContain('validity-status');
    expect(inline(page('2022-00002'))).toContain('有效性有效');
    expect(inline(page('2022-00002'))).toContain('有效期至2024年02月29日');
    // Repealed without a replacement: the status and its date, no link.
    expect(status(page('2023-00003'))).toBe('本文件已废止（废止日期：2024年06月01日）。');
    // Repealed with a replacement: linked to it; the replacement lists what it replaces.
    expect(status(page('2021-00004'))).toBe(
      `本文件已废止（废止日期：2024年05月01日）。替代它的文件：《${byNo('2024-00005').title}》。`,
    );
    expect(page('2021-00004')).toContain(
      `<a href="/notices/${CODE}-2024-00005/">《${byNo('2024-00005').title}》</a>`,
    );
    expect(inline(page('2024-00005'))).toContain(`本文件替代：《${byNo('2021-00004').title}》`);
    // Replaced by two: both named, newest first (the listing order), each linked.
    expect(status(page('2020-00006'))).toBe(
      `本文件已失效。替代它的文件：《${byNo('2024-00008').title}》、《${byNo('2024-00007').title}》。`,
    );
    for (const s of ['2024-00007', '2024-00008']) {
      expect(page('2020-00006')).toContain(`<a href="/notices/${CODE}-${s}/">`);
      expect(inline(page(s))).toContain(`本文件替代：《${byNo('2020-00006').title}》`);
      // Each lists the 解读 of both.
      expect(
        inline(
          /<section class="notice-section" aria-labelledby="interpretations-heading">[\s\S]*?<\/section>/.exec(
            page(s),
          )![0],
        ),
      ).toBe(`相关解读${byNo('2024-00009').title}（2024年06月13日）`);
    }
    // A 解读 of two documents names both, in the order written.
    expect(inline(page('2024-00009'))).toContain(
      `解读的文件：《${byNo('2024-00007').title}》、《${byNo('2024-00008').title}》`,
    );
    // The status comes before the title and describes it, in care mode too.
    const care = page('2021-00004', 'care/');
    expect(care).toMatch(
      /<p id="validity-status"[\s\S]*<h1[^>]* aria-describedby="validity-status"/,
    );
    expect(care).toContain(`<a href="/care/notices/${CODE}-2024-00005/">`);
  });

  it('the site-wide 现行有效 library holds exactly the rules marked 有效, grouped by 文件类型, newest first; the other listing the rest', () => {
    const inForce = read('browse/in-force/index.html');
    expect(titlesOf(inForce)).toEqual(expectedMembers(true));
    expect(groups(inForce).map((g) => g.heading)).toEqual([
      '规章（1 件）',
      '行政规范性文件（4 件）',
    ]);
    // The expired-yet-有效 one is listed with its 有效期至, so the contradiction is visible until the office corrects it.
    expect(inline(inForce)).toContain(
      '2022年02月01日 · 2022年03月01日起施行，有效期至2024年02月29日',
    );
    const out = read('browse/not-in-force/index.html');
    expect(titlesOf(out)).toEqual(expectedMembers(false));
    expect(inline(out)).toContain(
      '示科〔2023〕3号 · 市科技局 · 2023年03月01日 · 2024年06月01日废止',
    );
    // The 其他文件 is in neither; each links the other.
    expect(inline(inForce + out)).not.toContain(byNo('2024-00010').title);
    expect(inline(inForce)).toContain(
      `已失效、废止或修改的文件（${expectedMembers(false).length} 件）`,
    );
    expect(inline(out)).toContain(`现行有效的文件（${expectedMembers(true).length} 件）`);
    expect(inForce).toContain('href="/browse/not-in-force/"');
    // /browse/ links both; care mode has both, its links staying in care mode.
    expect(inline(read('browse/index.html'))).toContain(
      `现行有效的规章和行政规范性文件 （${expectedMembers(true).length} 件）`,
    );
    expect(titlesOf(read('care/browse/in-force/index.html'))).toEqual(expectedMembers(true));
    expect(read('care/browse/in-force/index.html')).toContain('href="/care/browse/not-in-force/"');
  });

  it('each 政策文件 category has its own two listings, linked from the category', () => {
    for (const [slug, name] of [
      ['zhengce-wenjian', '政策文件'],
      ['bumen-wenjian', '部门文件'],
    ] as const) {
      expect(titlesOf(read(`categories/${slug}/in-force/index.html`))).toEqual(
        expectedMembers(true, name),
      );
      expect(titlesOf(read(`categories/${slug}/not-in-force/index.html`))).toEqual(
        expectedMembers(false, name),
      );
      expect(titlesOf(read(`care/categories/${slug}/not-in-force/index.html`))).toEqual(
        expectedMembers(false, name),
      );
      expect(read(`categories/${slug}/index.html`)).toContain(
        `<a href="/categories/${slug}/in-force/">现行有效的规章和行政规范性文件（${expectedMembers(true, name).length} 件）</a>`,
      );
    }
    // Not for a category of another kind.
    expect(() => read('categories/zhengce-jiedu/in-force/index.html')).toThrow();
  });

  it('the sitemap lists the library pages; the feed is unchanged in form', () => {
    const sitemap = read('sitemap.xml');
    const libraryUrls = [
      ...sitemap.matchAll(
        /<loc>https:\/\/policy\.example\.gov\.cn(\/[^<]*(?:in-force|not-in-force)\/)<\/loc>/g,
      ),
    ].map((m) => m[1]);
    expect(libraryUrls.sort()).toEqual(
      [
        '/browse/in-force/',
        '/browse/not-in-force/',
        ...['bumen-wenjian', 'zhengce-wenjian'].flatMap((s) => [
          `/categories/${s}/in-force/`,
          `/categories/${s}/not-in-force/`,
        ]),
      ].sort(),
    );
    expect(read('feed.xml')).toContain('<category domain="有效性">废止</category>');
  });

  it('open data carries the standing and the derived replacedBy', () => {
    const records = JSON.parse(read('data/notices.json')) as Array<Record<string, any>>;
    const rec = (s: string) => records.find((r) => r.indexNo === `${CODE}/${s}`)!;
    expect(records).toHaveLength(docs.length);
    expect(rec('2020-00006').replacedBy).toEqual([`${CODE}/2024-00008`, `${CODE}/2024-00007`]);
    expect(rec('2021-00004').replacedBy).toEqual([`${CODE}/2024-00005`]);
    expect(rec('2023-00003').replacedBy).toEqual([]);
    expect([rec('2023-00003').validity, rec('2023-00003').repealedOn]).toEqual([
      '废止',
      '2024-06-01',
    ]);
    expect([rec('2022-00002').validity, rec('2022-00002').expiresOn]).toEqual([
      '有效',
      '2024-02-29',
    ]);
    expect(rec('2024-00009').interprets).toEqual([`${CODE}/2024-00007`, `${CODE}/2024-00008`]);
    const [header, ...rows] = parseCsv(read('data/notices.csv').replace(/^\uFEFF/, ''));
    const row = rows.find((r) => r[header!.indexOf('索引号')] === `${CODE}/2020-00006`)!;
    expect(row[header!.indexOf('被替代为')]).toBe(`${CODE}/2024-00008；${CODE}/2024-00007`);
    expect(row[header!.indexOf('有效性')]).toBe('失效');
  });

  it('an incremental build moves a document repealed by an edit from one listing to the other, at every level', () => {
    const file = 'src/content/notices/jihua-xiangmu.md';
    const text = readFileSync(join(project.root, file), 'utf8');
    project.write(file, text.replace('validity: 有效', 'validity: 废止\nrepealedOn: 2024-12-01'));
    try {
      const r = runScript('build', ['--root', project.root]);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout + r.stderr).toMatch(/增量构建/);
      const title = byNo('2024-00007').title;
      for (const scope of ['browse', 'categories/bumen-wenjian', 'care/browse']) {
        expect(titlesOf(read(`${scope}/in-force/index.html`))).not.toContain(title);
        expect(titlesOf(read(`${scope}/not-in-force/index.html`))).toContain(title);
      }
      expect(inline(read('browse/index.html'))).toContain(
        `现行有效的规章和行政规范性文件 （${expectedMembers(true).length - 1} 件）`,
      );
    } finally {
      project.write(file, text);
      expect(runScript('build', ['--root', project.root]).status).toBe(0);
    }
  });

  it('the 2024 annual report’s section 二 counts the office’s own 规章 and 行政规范性文件, as a direct count finds them', () => {
    // Own: no `source` naming another body (the 规章 is the city government's, republished).
    // No document here left force after 2024-12-31, so in force at year end is: marked 有效, not expired by then.
    const own = (t: string) => docs.filter((d) => d.docType === t && !d.source);
    const direct = ['规章', '行政规范性文件'].map((t) =>
      [
        t,
        own(t).filter((d) => d.date.startsWith('2024-')).length,
        own(t).filter((d) => d.validity === '废止' && d.repealedOn?.startsWith('2024-')).length,
        own(t).filter((d) => d.validity === '有效' && !(d.expiresOn && d.expiresOn < '2024-12-31'))
          .length,
      ].join(' '),
    );
    expect(direct).toEqual(['规章 0 0 0', '行政规范性文件 3 2 3']);
    const table = /<table class="report-table" id="section-2-1">([\s\S]*?)<\/table>/.exec(
      read('reports/2024/index.html'),
    )![1]!;
    const rows = [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) =>
      inline(m[1]!.replace(/<\/t[hd]>/g, ' ')).trim(),
    );
    expect(rows).toEqual(['信息内容 本年制发件数 本年废止件数 现行有效件数', ...direct]);
    expect(read('reports/2024/section-2.csv')).toContain('行政规范性文件,3,2,3\r\n');
  });

  it('new page types have no axe or HTML_CodeSniffer errors, in both modes; the 有效性 filter narrows a search to the documents in force', async () => {
    const server = await serveStatic(join(project.root, 'dist'));
    const browser = await launchChromium();
    const failures: string[] = [];
    try {
      const tab = await browser.newPage();
      const pages = [
        '/reports/2024/',
        '/browse/',
        '/browse/in-force/',
        '/browse/not-in-force/',
        '/categories/zhengce-wenjian/',
        '/categories/bumen-wenjian/in-force/',
        `/notices/${CODE}-2020-00006/`,
        `/notices/${CODE}-2024-00009/`,
      ];
      for (const path of pages) {
        for (const prefix of ['', '/care']) {
          await tab.goto(server.url + prefix + path);
          for (const v of [...(await axeViolations(tab)), ...(await htmlcsErrors(tab))])
            failures.push(`${prefix}${path}: ${v}`);
        }
      }

      // 管理办法: the documents whose title or text hold it, newest first when sorted by date.
      const holds = (d: Doc) => `${d.title}${d.body}`.includes('管理办法');
      const all = docs.filter(holds).sort((a, b) => b.date.localeCompare(a.date));
      const inForce = all.filter((d) => d.validity === '有效');
      expect(inForce.length).toBeGreaterThan(0);
      expect(inForce.length).toBeLessThan(all.length);
      const everything = await searchFor(tab, server.url, '管理办法', '&sort=date');
      expect([everything.count, everything.results.map((r) => r.title)]).toEqual([
        all.length,
        all.map((d) => d.title),
      ]);
      // The visitor picks 有效 in the filter: the same query, only the documents in force.
      await tab.selectOption('#filter-validity', '有效');
      await tab.waitForFunction(
        (n) => document.getElementById('search-app')!.dataset.count === String(n),
        inForce.length,
        { timeout: 30_000 },
      );
      const narrowed = await tab.evaluate(() => ({
        status: document.getElementById('search-status')!.textContent,
        titles: [...document.querySelectorAll('#search-result-list li h3 a')].map(
          (a) => a.textContent,
        ),
        lines: [...document.querySelectorAll('#search-result-list li .result-meta')].map(
          (p) => p.textContent,
        ),
      }));
      expect(narrowed.titles).toEqual(inForce.map((d) => d.title));
      expect(narrowed.status).toBe(
        `找到 ${inForce.length} 条包含「管理办法」的结果（筛选条件：有效性「有效」），按发文日期排列，最新的在前。`,
      );
      // Each result line names the document's type and standing.
      expect(narrowed.lines.every((l) => l!.includes('文件类型：行政规范性文件（有效）'))).toBe(
        true,
      );
      expect(new URL(tab.url()).searchParams.get('有效性')).toBe('有效');
      // The filter offers the standings the site's documents have, in the model's order.
      expect(
        await tab.$$eval('#filter-validity option', (os) => os.map((o) => o.textContent)),
      ).toEqual(['全部', '有效', '失效', '废止']);
    } finally {
      await browser.close();
      await server.close();
    }
    expect(failures).toEqual([]);
  });
});
