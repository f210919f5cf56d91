import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, rmSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { createTempProject, runScript, type TempProject } from '../support/project-copy';
import { hashTree } from '../helpers/tree-hash';
import { noticeSource } from '../helpers/notice';
import { FileSystemConfigLoader, HtmlValidate, formatterFactory } from 'html-validate';
import { readFileSync } from 'node:fs';
import { checkNotices, loadSiteConfig } from '../../src/lib/content/project';
import { CSV_COLUMNS } from '../../src/lib/site/open-data';

/** RFC 4180 rows (quotes, doubled quotes, CRLF), enough to read back what the site publishes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') ((cell += '"'), i++);
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') (row.push(cell), (cell = ''));
    else if (c === '\r' && text[i + 1] === '\n')
      (row.push(cell), rows.push(row), (row = []), (cell = ''), i++);
    else cell += c;
  }
  return rows;
}

/** `npm run build` against a throwaway copy of the project with its sample notices. */
describe('npm run build', () => {
  let project: TempProject;
  let good: Record<string, string>;
  const build = () => runScript('build', ['--root', project.root]);
  /** A build with `path` written into the project, removed again after (whatever the build did). */
  const buildWith = (path: string, content: string) => {
    project.write(path, content);
    try {
      return build();
    } finally {
      unlinkSync(join(project.root, path));
    }
  };

  beforeAll(() => {
    project = createTempProject({ keepSampleNotices: true });
    const r = build();
    expect(r.status, r.stderr).toBe(0);
    good = hashTree(join(project.root, 'dist'));
  });
  afterAll(() => project.remove());

  it('publishes a page per notice, the home page and a Pagefind bundle', () => {
    expect(Object.keys(good)).toContain('index.html');
    expect(Object.keys(good)).toContain('notices/11330602056860309P-2024-00012/index.html');
    expect(Object.keys(good)).toContain('pagefind/pagefind.js');
  });

  it('every page is valid HTML with <html lang="zh-Hans">, one h1, the metadata table and GFM tables', async () => {
    const validator = new HtmlValidate(new FileSystemConfigLoader());
    const pages = Object.keys(good).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThanOrEqual(4);
    for (const page of pages) {
      const html = readFileSync(join(project.root, 'dist', page), 'utf8');
      const report = await validator.validateString(html, page);
      expect(report.valid, formatterFactory('text')(report.results)).toBe(true);
      expect(html).toMatch(
        page.startsWith('care/')
          ? /^<!DOCTYPE html><html lang="zh-Hans" class="care">/
          : /^<!DOCTYPE html><html lang="zh-Hans">/,
      );
      expect(html.match(/<h1[ >]/g)).toHaveLength(1);
    }
    const notice = readFileSync(
      join(project.root, 'dist/notices/11330602056860309P-2024-00012/index.html'),
      'utf8',
    );
    for (const label of [
      '索引号',
      '组配分类',
      '发布机构',
      '发文日期',
      '文号',
      '公开方式',
      '公开范围',
    ])
      expect(notice).toContain(`<th scope="row">${label}</th>`);
    expect(notice).toContain('越科〔2024〕8号');
    expect(notice).toMatch(
      /<section class="table-scroll" tabindex="0" aria-label="[^"]+"><table><caption>二、工作安排<\/caption>\s*<thead>\s*<tr>\s*<th>阶段<\/th>/,
    );
  });

  it('lists notices newest first on the home page', () => {
    const home = readFileSync(join(project.root, 'dist/index.html'), 'utf8');
    const order = ['2024-00077', '2024-00031', '2024-00012'].map((s) =>
      home.indexOf(`11330602056860309P-${s}/`),
    );
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('open data: notices.json and notices.csv hold the same records as the collection', async () => {
    const config = await loadSiteConfig(project.root);
    const published = (await checkNotices(project.root, config)).notices
      .map((n) => n.data!)
      .filter((d) => !d.draft);
    const json = JSON.parse(
      readFileSync(join(project.root, 'dist/data/notices.json'), 'utf8'),
    ) as Array<Record<string, unknown>>;
    expect(json.map((r) => r.indexNo).sort()).toEqual(published.map((d) => d.indexNo).sort());
    for (const d of published) {
      const r = json.find((x) => x.indexNo === d.indexNo)!;
      expect(r).toMatchObject({
        title: d.title,
        category: d.category,
        issuer: d.issuer,
        date: d.date,
        publishedAt: d.publishedAt,
        docNo: d.docNo ?? null,
      });
      expect(r.url).toBe(`https://gongkai.example.gov.cn/notices/${d.indexNo.replace('/', '-')}/`);
    }
    const raw = readFileSync(join(project.root, 'dist/data/notices.csv'), 'utf8');
    expect(raw.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = parseCsv(raw.slice(1));
    expect(header).toEqual(CSV_COLUMNS.map(([h]) => h));
    expect(rows.map((r) => r[0]).sort()).toEqual(published.map((d) => d.indexNo).sort());
    for (const row of rows) {
      const d = published.find((x) => x.indexNo === row[0])!;
      expect([row[1], row[2], row[3], row[4], row[6]]).toEqual([
        d.title,
        d.category,
        d.issuer,
        d.date,
        d.docNo ?? '',
      ]);
    }
  });

  it('two clean builds of the same content are byte-identical', () => {
    for (const d of ['dist', '.astro', '.gongkai'])
      rmSync(join(project.root, d), { recursive: true, force: true });
    const r = build();
    expect(r.status, r.stderr).toBe(0);
    expect(hashTree(join(project.root, 'dist'))).toEqual(good);
  });

  it('invalid content: fails, says why in Chinese, leaves dist/ as it was', () => {
    const bad = 'src/content/notices/2024/bad-date.md';
    const r = buildWith(
      bad,
      noticeSource({ date: '2024-02-30', indexNo: '11330602056860309P/2024-90001' }),
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('构建失败');
    expect(r.stderr).toContain('2024-02-30');
    expect(hashTree(join(project.root, 'dist'))).toEqual(good);
  });

  it('a template error: fails and leaves dist/ as it was', () => {
    const page = 'src/pages/broken.astro';
    const r = buildWith(page, "---\nthrow new Error('模板出错了');\n---\n<p>never</p>\n");
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Astro 生成页面出错');
    expect(hashTree(join(project.root, 'dist'))).toEqual(good);
  });

  it('a link to a page the site lacks: fails, names the page and the link, leaves dist/ as it was', () => {
    const page = 'src/pages/dangling.astro';
    const r = buildWith(
      page,
      '<html lang="zh-Hans"><body><a href="/no-such-page/">去</a></body></html>\n',
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('1 个链接或附件无法打开');
    expect(r.stderr).toContain('dangling/index.html：链接 /no-such-page/ 指向的文件不存在');
    expect(hashTree(join(project.root, 'dist'))).toEqual(good);
  });

  it('Pagefind failing: fails and leaves dist/ as it was', () => {
    // A file where Pagefind must write its folder makes the real indexer fail.
    const r = buildWith('public/pagefind', 'not a folder');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Pagefind 建立搜索索引出错');
    expect(hashTree(join(project.root, 'dist'))).toEqual(good);
    expect(existsSync(join(project.root, '.gongkai/staging'))).toBe(false);
  });

  it('a draft is left out of the build', () => {
    const r = buildWith(
      'src/content/notices/2024/draft.md',
      noticeSource({ indexNo: '11330602056860309P/2024-90002', draft: 'true' }),
    );
    expect(r.status, r.stderr).toBe(0);
    const files = Object.keys(hashTree(join(project.root, 'dist')));
    expect(files.some((f) => f.includes('2024-90002'))).toBe(false);
    expect(files).toContain('notices/11330602056860309P-2024-00012/index.html');
  });
});
