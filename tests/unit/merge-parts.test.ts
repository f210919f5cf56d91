import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { tmpdir } from 'node:os';
import { astroLanes } from '../../src/lib/build/astro-in-parts';
import { mergePart, mergeSitePages } from '../../src/lib/build/merge-parts';
import {
  DEFAULT_PARTITION_SIZE,
  exactFilePatterns,
  noticesPartSize,
  partitionFiles,
  planParts,
} from '../../src/lib/build/partitions';
import { glob } from 'tinyglobby';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'gongkai-merge-'));
  dirs.push(root);
  for (const [f, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, f)), { recursive: true });
    writeFileSync(join(root, f), text);
  }
  return root;
}

describe('mergePart', () => {
  const part = (extra: Record<string, string> = {}) =>
    tree({
      'notices/a/index.html': 'A',
      'care/notices/a/index.html': 'a',
      'index.html': 'part home',
      '_astro/x.css': 'css',
      ...extra,
    });

  it('moves exactly the part notice pages (both modes) and its assets, nothing else', () => {
    const site = tree({ 'index.html': 'home', 'notices/b/index.html': 'B', '_astro/x.css': 'css' });
    mergePart(part({ '_astro/y.js': 'js' }), site, ['a'], '第 1 部分');
    expect(readdirSync(join(site, 'notices')).sort()).toEqual(['a', 'b']);
    expect(readdirSync(join(site, 'care/notices'))).toEqual(['a']);
    expect(readdirSync(join(site, '_astro')).sort()).toEqual(['x.css', 'y.js']);
  });

  it('stops when a page is missing or unexpected, already exists, or an asset differs', () => {
    const site = () => tree({ 'index.html': 'home', '_astro/x.css': 'css' });
    expect(() => mergePart(part(), site(), ['a', 'c'], '第 1 部分')).toThrow(
      /第 1 部分：notices\/ 下应有 2 篇，缺 1 篇（c）/,
    );
    expect(() => mergePart(part(), site(), [], '第 2 部分')).toThrow(/多 1 篇（a）/);
    expect(() =>
      mergePart(part(), tree({ 'notices/a/index.html': 'A' }), ['a'], '第 3 部分'),
    ).toThrow(/notices\/a 已由另一部分生成/);
    expect(() => mergePart(part(), tree({ '_astro/x.css': 'other' }), ['a'], '第 4 部分')).toThrow(
      /_astro\/x\.css 与站点其余部分生成的同名文件内容不同/,
    );
  });
});

describe('mergeSitePages', () => {
  it('merges the site process’s folders into a site where parts already are; a shared asset must be the same', () => {
    const site = tree({
      'notices/a/index.html': 'A',
      'care/notices/a/index.html': 'a',
      '_astro/x.css': 'css',
    });
    mergeSitePages(
      tree({ 'index.html': 'home', 'care/index.html': 'care home', '_astro/x.css': 'css' }),
      site,
    );
    expect(readdirSync(site).sort()).toEqual(['_astro', 'care', 'index.html', 'notices']);
    expect(readdirSync(join(site, 'care')).sort()).toEqual(['index.html', 'notices']);
    expect(() =>
      mergeSitePages(tree({ '_astro/x.css': 'other' }), tree({ '_astro/x.css': 'css' })),
    ).toThrow(/_astro\/x\.css 已由一个部分生成，内容不同/);
  });
});

describe('partitions', () => {
  it('parts are even, in path order, and cover every file once', () => {
    const files = Array.from({ length: 103 }, (_, i) => `${2015 + (i % 10)}/n${i}.md`);
    const parts = partitionFiles(files, 25);
    expect(parts.map((p) => p.length)).toEqual([21, 21, 21, 21, 19]);
    expect(parts.flat()).toEqual([...files].sort());
  });

  it('one Astro process up to 5,000 notices; above, parts of at most the partition size and at least two', () => {
    const sizes = (n: number, partitionSize = DEFAULT_PARTITION_SIZE) => {
      const size = noticesPartSize(n, partitionSize);
      if (size === null) return null;
      const files = Array.from({ length: n }, (_, i) => `n${String(i).padStart(6, '0')}.md`);
      return partitionFiles(files, size).map((p) => p.length);
    };
    expect(sizes(12)).toBeNull();
    expect(sizes(5000)).toBeNull();
    expect(sizes(5001)).toEqual([2501, 2500]);
    expect(sizes(10000)).toEqual([5000, 5000]);
    expect(sizes(30000)).toEqual([15000, 15000]);
    expect(sizes(100000)).toEqual([14286, 14286, 14286, 14286, 14286, 14286, 14284]);
    // GONGKAI_PARTITION_SIZE below the site's size splits a small site too (the tests' way).
    expect(sizes(12, 4)).toEqual([4, 4, 4]);
    expect(sizes(3, 4)).toBeNull();
  });

  it('two Astro processes at once while parts are of at most 5,000 notices, one above (memory)', () => {
    const lanes = (n: number) => {
      const files = Array.from({ length: n }, (_, i) => `n${String(i).padStart(6, '0')}.md`);
      return astroLanes(
        partitionFiles(files, noticesPartSize(n, DEFAULT_PARTITION_SIZE)!).map((f) => ({
          files: f,
        })),
      );
    };
    expect(lanes(10000)).toBe(2);
    expect(lanes(10002)).toBe(1);
    expect(lanes(100000)).toBe(1);
  });

  it('exact patterns match exactly the listed files, special characters included (as glob() reads them)', async () => {
    const names = [
      'a(1).md',
      'b[2].md',
      'c,d.md',
      'e{f}.md',
      'g!h.md',
      '中文 空格.md',
      'x+y@z.md',
      'p$q^r.md',
      '*.md',
      'plain.md',
    ];
    const root = tree(
      Object.fromEntries([...names, 'other.md', 'abc.md'].map((n) => [`2024/${n}`, '---\n---\n'])),
    );
    const want = names.map((n) => `2024/${n}`).sort();
    for (const per of [1, 3, 100]) {
      expect(
        (await glob(exactFilePatterns(want, per), { cwd: root, expandDirectories: false })).sort(),
      ).toEqual(want);
    }
  });

  it('neighbours cross parts: each notice links to its category neighbours in the whole site', () => {
    const data = (indexNo: string, date: string, category: string) =>
      ({
        indexNo,
        date,
        publishedAt: `${date}T09:00:00+08:00`,
        title: `标题${indexNo}`,
        category,
        issuer: '某局',
        draft: false,
      }) as never;
    const notices = [
      { file: '2024/a.md', data: data('A', '2024-03-01', '通知公告') },
      { file: '2024/b.md', data: data('B', '2024-02-01', '通知公告') },
      { file: '2024/c.md', data: data('C', '2024-01-01', '通知公告') },
      { file: '2024/d.md', data: data('D', '2024-02-15', '工作报告') },
    ];
    const config = {
      categories: [
        { name: '通知公告', slug: 'tzgg' },
        { name: '工作报告', slug: 'gzbg' },
      ],
    } as never;
    const parts = planParts(notices, config, 2);
    expect(parts.map((p) => p.files)).toEqual([
      ['2024/a.md', '2024/b.md'],
      ['2024/c.md', '2024/d.md'],
    ]);
    expect(parts[0]!.neighbours.B).toEqual({
      prev: { indexNo: 'A', title: '标题A' },
      next: { indexNo: 'C', title: '标题C' },
    });
    expect(parts[1]!.neighbours.C).toEqual({ prev: { indexNo: 'B', title: '标题B' } });
    expect(parts[1]!.neighbours.D).toEqual({});
  });
});
