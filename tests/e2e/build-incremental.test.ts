import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appendFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import type { Browser, Page } from 'playwright-core';
import { runScript } from '../support/project-copy';
import { writeCorpusProject } from '../../bench/corpus-project';
import { launchChromium } from '../helpers/browser';
import { serveStatic } from '../helpers/static-server';
import { searchFor } from '../helpers/search-page';
import { keyFile, MANIFEST_FILE, type SearchManifest } from '../../src/lib/search/contract';
import { hashTree } from '../helpers/tree-hash';
import { tableContents } from '../support/table-contents';
import { tableFilesIn } from '../../src/lib/build/search-table-update';
import { indexNoSlug } from '../../src/lib/model/index-no';

/**
 * An edit to notice bodies rebuilds only those notices' pages, and searches their new text through
 * a small extra bundle while the old records stay hidden; an edit to metadata or a lead also
 * renders the site pages again (only those that changed are replaced). The pages must be exactly
 * what a full build writes, and search must answer as it does after a full build.
 */
const { project, notices } = writeCorpusProject(
  mkdtempSync(join(tmpdir(), 'gongkai-incremental-')),
  { count: 120, seed: 5, mdxShare: 0.3 },
);
const env = { GONGKAI_SHARD_SIZE: '40' }; // three search shards
const build = (...args: string[]) =>
  runScript('build', ['--root', project.root, ...args], undefined, env);
const dist = join(project.root, 'dist');
const md = notices.find((n) => n.path.endsWith('.md'))!;
const mdx = notices.find((n) => n.path.endsWith('.mdx'))!;
const file = (n: { path: string }) => join(project.root, 'src/content/notices', n.path);
const slug = (n: { content: string }) => indexNoSlug(/^indexNo: (\S+)$/m.exec(n.content)![1]!);

/**
 * The site without the Pagefind bundles and the list of where each record is (which an incremental
 * build lays out differently: changed records are in its delta bundle), nor the search tables'
 * files: an incremental build patches them (new postings in new packs), so they are compared by
 * what they say (tableContents): every key's notices and positions must be a full build's.
 */
function pagesOf(tree: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(tree).filter(
      ([f]) =>
        !/^pagefind|^search\/(?:bundles\.json|index\.json|docs\/|keys\/|pack\/)|^integrity-manifest\.json$/.test(
          f,
        ),
    ),
  );
}
const tables = () => tableContents(tableFilesIn(dist));

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
  project.remove();
});

async function search(query: string, extra = '') {
  const server = await serveStatic(dist);
  try {
    return await searchFor(page, server.url, query, extra);
  } finally {
    await server.close();
  }
}

describe('incremental build', () => {
  let incremental: Record<string, string>;
  let incrementalCounts: Array<string | string[]>;
  let incrementalManifest: Record<string, string>;
  let incrementalTables: ReturnType<typeof tables>;
  const manifest = () =>
    (
      JSON.parse(readFileSync(join(dist, 'integrity-manifest.json'), 'utf8')) as {
        files: Record<string, string>;
      }
    ).files;
  const manifestPages = () => pagesOf(manifest());
  /** Every key file the search tables name is published, and no other. */
  const expectSearchTables = () => {
    const { buckets } = JSON.parse(
      readFileSync(join(dist, MANIFEST_FILE), 'utf8'),
    ) as SearchManifest;
    expect(readdirSync(join(dist, 'search/keys')).length).toBe(buckets);
    for (let k = 0; k < buckets; k++)
      expect(existsSync(join(dist, keyFile(k))), keyFile(k)).toBe(true);
  };
  /** What the search page says for two texts on nearly every page: what a duplicate or a lost record would change. */
  const commonCounts = async () => [
    (await search('科技创新')).status,
    (await search('人才')).status,
    (await search('科技创新 人才', '&sort=date')).results.map((r) => r.path),
  ];

  /** Builds again with --full: the pages, the search tables, their manifest entries and the answers must stay as they are. */
  async function expectSameAsFullBuild(): Promise<void> {
    const pages = pagesOf(hashTree(dist));
    const entries = manifestPages();
    const contents = tables();
    const counts = await commonCounts();
    expect(counts[0]).toMatch(/^找到 \d+ 条包含「科技创新」的结果/);
    const full = build('--full');
    expect(full.status, full.stderr).toBe(0);
    expect(pagesOf(hashTree(dist))).toEqual(pages);
    expect(manifestPages()).toEqual(entries);
    expect(tables()).toEqual(contents);
    expect(await commonCounts()).toEqual(counts);
  }

  it('renders only the notices whose bodies changed, and search finds their new text, not their old', async () => {
    appendFileSync(file(md), '\n追加一段：火星基地建设进展良好。\n');
    const cold = build();
    expect(cold.status, cold.stderr).toBe(0);
    expect(cold.stdout).toContain('完整构建：没有上次构建的记录');
    // The shards' record lists are their indexing processes' input, not kept.
    expect(
      readdirSync(join(project.root, '.gongkai')).filter((f) => f.startsWith('search-records-')),
    ).toEqual([]);

    writeFileSync(file(md), readFileSync(file(md), 'utf8').replace('火星基地', '土星光环'));
    appendFileSync(file(mdx), '\n追加一段：月球车试验场已经建成。\n');
    const first = build();
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain('增量构建：2 篇公告的正文有改动');
    // The search tables are patched for the two notices, not written again.
    expect(first.stdout).toContain('搜索索引（2 篇在增量索引中；搜索表补 2 篇）');

    // Edited again: the delta bundle holds both edited notices, their old records stay hidden.
    appendFileSync(file(md), '\n再追加一段：木星探测计划。\n');
    const second = build();
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toContain('增量构建：1 篇公告的正文有改动');
    expect(second.stdout).toMatch(/搜索索引（2 篇在增量索引中；搜索表补 [12] 篇）/);
    expect(
      JSON.parse(readFileSync(join(dist, 'search/bundles.json'), 'utf8')).superseded,
    ).toHaveLength(2);
    expect(readFileSync(join(dist, 'notices', slug(md), 'index.html'), 'utf8')).toContain(
      '木星探测',
    );

    expect((await search('木星探测')).results.map((r) => r.path)).toEqual([
      `/notices/${slug(md)}/`,
    ]);
    expect((await search('土星光环')).results.map((r) => r.path)).toEqual([
      `/notices/${slug(md)}/`,
    ]);
    expect((await search('月球车试验场')).results.map((r) => r.path)).toEqual([
      `/notices/${slug(mdx)}/`,
    ]);
    // Only the old record, still in its shard, has 火星: the site now has no such word (基地 alone is offered, labelled).
    const gone = await search('火星基地');
    expect(gone.state).toBe('partial');
    expect(gone.status).toContain('本站没有「火星」');
    incrementalCounts = await commonCounts();
    incremental = hashTree(dist);
    incrementalManifest = manifestPages();
    incrementalTables = tables();
    // The integrity manifest describes what was published.
    expect(
      Object.keys(incremental)
        .filter((f) => f !== 'integrity-manifest.json')
        .sort(),
    ).toEqual(Object.keys(manifest()).sort());
    for (const [f, h] of Object.entries(manifest())) expect(incremental[f], f).toBe(h);
  }, 300_000);

  it('publishes the pages a full build publishes, byte for byte, and search answers alike', async () => {
    const full = build('--full');
    expect(full.status, full.stderr).toBe(0);
    expect(full.stdout).toContain('完整构建：指定了 --full');
    expect(pagesOf(hashTree(dist))).toEqual(pagesOf(incremental));
    expect(manifestPages()).toEqual(incrementalManifest);
    expect(tables()).toEqual(incrementalTables);
    expect(await commonCounts()).toEqual(incrementalCounts);
    expect(JSON.parse(readFileSync(join(dist, 'search/bundles.json'), 'utf8'))).toEqual({
      bundles: ['/pagefind/', '/pagefind-1/', '/pagefind-2/'],
      superseded: [],
    });
  }, 300_000);

  it('a failing incremental build leaves dist/ as it was, and the next one is incremental again', () => {
    const before = hashTree(dist);
    const good = readFileSync(file(mdx), 'utf8');
    appendFileSync(file(mdx), '\n见[附表](/files/no-such-file.pdf)。\n');
    const failed = build();
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain('构建失败：增量构建出错');
    expect(failed.stderr).toContain(
      `notices/${slug(mdx)}/index.html：链接 /files/no-such-file.pdf 指向的文件不存在`,
    );
    expect(hashTree(dist)).toEqual(before);

    writeFileSync(file(mdx), good);
    const fixed = build();
    expect(fixed.status, fixed.stderr).toBe(0);
    expect(fixed.stdout).toContain('增量构建：内容与上次构建相同');
    expect(hashTree(dist)).toEqual(before);
  }, 300_000);

  it('removing a notice that another notice links to stops the build, and dist/ stays as it was', () => {
    // Two plain notices the other tests leave alone: one links the other from its body.
    const [target, linker] = notices
      .filter((n) => n !== md && n !== mdx && n.path.endsWith('.md'))
      .slice(-2);
    const [targetText, linkerText] = [
      readFileSync(file(target!), 'utf8'),
      readFileSync(file(linker!), 'utf8'),
    ];
    appendFileSync(file(linker!), `\n另见[相关公告](/notices/${slug(target!)}/)。\n`);
    const linked = build();
    expect(linked.status, linked.stderr).toBe(0);
    const before = hashTree(dist);

    // The linking page is not rendered again (its text did not change): only the check of every kept page finds it.
    rmSync(file(target!));
    const failed = build();
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain(
      `notices/${slug(linker!)}/index.html：链接 /notices/${slug(target!)}/ 指向的文件不存在`,
    );
    expect(hashTree(dist)).toEqual(before);

    writeFileSync(file(target!), targetText);
    writeFileSync(file(linker!), linkerText);
    const restored = build();
    expect(restored.status, restored.stderr).toBe(0);
    expect(restored.stdout).not.toContain('完整构建');
  }, 300_000);

  it('a title, date or lead edit renders the site pages and the neighbours again, as a full build would', async () => {
    writeFileSync(
      file(md),
      readFileSync(file(md), 'utf8')
        .replace(/^title: (.+)$/m, 'title: $1（修订）')
        .replace(/^date: (\d{4})-\d\d-\d\d$/m, 'date: $1-01-02')
        .replace(/^publishedAt: (\d{4})-.*$/m, 'publishedAt: $1-01-02T09:00:00+08:00'),
    );
    // The lead (first paragraph) shows on listings.
    writeFileSync(
      file(mdx),
      readFileSync(file(mdx), 'utf8').replace(/\n---\n\n/, '\n---\n\n导语新增一句。'),
    );
    const edited = build();
    expect(edited.status, edited.stderr).toBe(0);
    expect(edited.stdout).toContain(
      '增量构建：公告有增删，或元数据、导语有改动：重新生成列表等站点页面',
    );
    expect(edited.stdout).not.toContain('完整构建');
    // Only the listings holding the edited notices are rendered; the others' pages stay (and must equal a full build's, below).
    expect(edited.stdout).toMatch(/[1-9]\d* 个列表页未变未生成/);
    expectSearchTables();
    expect(readFileSync(join(dist, 'feed.xml'), 'utf8')).toContain('（修订）');
    const retitled = (await search('修订')).results;
    expect(retitled.map((r) => r.path)).toEqual([`/notices/${slug(md)}/`]);
    expect(retitled[0]!.title).toContain('（修订）');
    await expectSameAsFullBuild();
  }, 300_000);

  it('a title edit alone patches the search tables, and they say what a full build’s say', async () => {
    writeFileSync(
      file(mdx),
      readFileSync(file(mdx), 'utf8').replace(/^title: (.+)$/m, 'title: $1（海王星专题）'),
    );
    const edited = build();
    expect(edited.status, edited.stderr).toBe(0);
    expect(edited.stdout).toContain('搜索表补 1 篇');
    const found = (await search('海王星专题')).results;
    expect(found.map((r) => r.path)).toEqual([`/notices/${slug(mdx)}/`]);
    await expectSameAsFullBuild();
  }, 300_000);

  it('a notice added, one removed and one renumbered: pages come and go as in a full build, and search follows', async () => {
    const removed = notices.find((n) => n !== md && n !== mdx && n.path.endsWith('.md'))!;
    appendFileSync(file(removed), '\n追加一段：冥王星轨道测算。\n');
    const edited = build();
    expect(edited.status, edited.stderr).toBe(0);
    expect((await search('冥王星轨道')).results.map((r) => r.path)).toEqual([
      `/notices/${slug(removed)}/`,
    ]);

    const renumber = (text: string, by: number) =>
      text.replace(
        /^(indexNo: .+-)(\d+)$/m,
        (_, head: string, serial: string) =>
          `${head}${String(Number(serial) + by).padStart(serial.length, '0')}`,
      );
    const addedText =
      renumber(readFileSync(file(md), 'utf8'), 50000).replace(
        /^title: .+$/m,
        'title: 关于海王星观测站建设的通知',
      ) + '\n追加一段：海王星观测站。\n';
    const added = { path: md.path.replace(/[^/]+$/, 'added-notice.md'), content: addedText };
    writeFileSync(file(added), addedText);
    rmSync(file(removed));
    const oldMdxSlug = slug(mdx);
    writeFileSync(file(mdx), renumber(readFileSync(file(mdx), 'utf8'), 90000));
    const newMdxSlug = slug({ content: readFileSync(file(mdx), 'utf8') });

    const changed = build();
    expect(changed.status, changed.stderr).toBe(0);
    expect(changed.stdout).toContain('增量构建：公告有增删');
    expect(changed.stdout).toContain('删除 2 篇不再发布的公告页面');
    expect(changed.stdout).toMatch(/[1-9]\d* 个列表页未变未生成/);
    expectSearchTables();
    for (const gone of [slug(removed), oldMdxSlug]) {
      expect(existsSync(join(dist, 'notices', gone)), gone).toBe(false);
      expect(existsSync(join(dist, 'care/notices', gone)), gone).toBe(false);
    }
    expect(existsSync(join(dist, 'notices', newMdxSlug, 'index.html'))).toBe(true);
    expect((await search('海王星观测站')).results.map((r) => r.path)).toEqual([
      `/notices/${slug(added)}/`,
    ]);
    expect((await search('冥王星轨道')).results).toEqual([]);
    expect((await search('月球车试验场')).results.map((r) => r.path)).toEqual([
      `/notices/${newMdxSlug}/`,
    ]);
    await expectSameAsFullBuild();
  }, 300_000);

  it('builds in full when dist/ was changed by hand', () => {
    appendFileSync(file(mdx), '\n又追加一段。\n');
    rmSync(join(dist, 'feed.xml'));
    const tampered = build();
    expect(tampered.status, tampered.stderr).toBe(0);
    expect(tampered.stdout).toContain('完整构建：dist/ 与上次构建写出的不同');
    expect(readFileSync(join(dist, 'feed.xml'), 'utf8')).toContain('<rss');
  }, 300_000);
});
