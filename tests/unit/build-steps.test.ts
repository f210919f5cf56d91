import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renameAll, replacePaths, sharedAssets, swapInto } from '../../src/lib/build/publish';
import { BUNDLES_FILE, pagefindFailure, writeBundleList } from '../../src/lib/build/search-bundles';
import { BuildError, buildFailure } from '../../src/lib/build/errors';

/** The steps the full and the incremental build share (src/lib/build/publish.ts, search-bundles.ts, errors.ts). */
let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'gongkai-steps-'))));
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});
const put = (path: string, text: string) => {
  mkdirSync(join(dir, path, '..'), { recursive: true });
  writeFileSync(join(dir, path), text);
};
const read = (path: string) =>
  existsSync(join(dir, path)) ? readFileSync(join(dir, path), 'utf8') : null;

describe('the transactional replace', () => {
  it('swaps a staging tree in, the old one gone only after', () => {
    put('dist/a.html', 'old');
    put('staging/a.html', 'new');
    swapInto(join(dir, 'staging'), join(dir, 'dist'), join(dir, 'previous'));
    expect([
      read('dist/a.html'),
      existsSync(join(dir, 'staging')),
      existsSync(join(dir, 'previous')),
    ]).toEqual(['new', false, false]);
  });

  it('replaces named paths, old ones moved aside, paths the new build lacks removed', () => {
    put('dist/notices/x/index.html', 'old x');
    put('dist/notices/y/index.html', 'old y');
    put('dist/keep.html', 'kept');
    put('next/notices/x/index.html', 'new x');
    replacePaths(join(dir, 'dist'), join(dir, 'next'), join(dir, 'aside'), [
      'notices/x',
      'notices/y',
    ]);
    expect([
      read('dist/notices/x/index.html'),
      read('dist/notices/y/index.html'),
      read('dist/keep.html'),
      read('aside/notices/y/index.html'),
    ]).toEqual(['new x', null, 'kept', 'old y']);
  });

  it('undoes every rename done when one fails, in reverse order, and throws', () => {
    put('dist/a', 'old a');
    put('next/a', 'new a');
    put('next/b', 'new b');
    // The last move cannot happen: its target's folder is a file.
    put('blocker', 'file');
    expect(() =>
      renameAll([
        [join(dir, 'dist/a'), join(dir, 'aside/a')],
        [join(dir, 'next/a'), join(dir, 'dist/a')],
        [join(dir, 'next/b'), join(dir, 'blocker/b')],
      ]),
    ).toThrow();
    expect([read('dist/a'), read('next/a'), read('next/b'), read('aside/a')]).toEqual([
      'old a',
      'new a',
      'new b',
      null,
    ]);
  });

  it('names the hashed assets a part shares with the site, and whether they are the same bytes', () => {
    put('part/_astro/a.css', 'same');
    put('part/_astro/b.css', 'part');
    put('part/_astro/new.css', 'new');
    put('site/_astro/a.css', 'same');
    put('site/_astro/b.css', 'site');
    expect(
      sharedAssets(join(dir, 'part'), join(dir, 'site')).sort((x, y) =>
        x.name.localeCompare(y.name),
      ),
    ).toEqual([
      { name: 'a.css', same: true },
      { name: 'b.css', same: false },
    ]);
    expect(sharedAssets(join(dir, 'nothing'), join(dir, 'site'))).toEqual([]);
  });
});

describe('the search bundle list', () => {
  it('is written the same way by both builds: folder paths in order, superseded ids', () => {
    writeBundleList(dir, ['pagefind-0', 'pagefind-1']);
    expect(read(BUNDLES_FILE)).toBe(
      '{"bundles":["/pagefind-0/","/pagefind-1/"],"superseded":[]}\n',
    );
    writeBundleList(dir, ['pagefind-0', 'pagefind-delta'], ['a1', 'b2']);
    expect(JSON.parse(read(BUNDLES_FILE)!)).toEqual({
      bundles: ['/pagefind-0/', '/pagefind-delta/'],
      superseded: ['a1', 'b2'],
    });
  });

  it('reports what Pagefind said, without the backtrace', () => {
    expect(pagefindFailure('Error: bad record\n\nstack backtrace:\n  0: rust_begin_unwind\n')).toBe(
      'Error: bad record',
    );
  });
});

describe('a build failure', () => {
  it('is cleaned up after and said in Chinese, then English, with its detail; exit code 1', () => {
    const lines: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((s: string) => void lines.push(s));
    const cleanup = vi.fn();
    try {
      expect(
        buildFailure(new BuildError('链接无法打开', 'broken links', 'a.html → /x/'), cleanup),
      ).toBe(1);
      expect(buildFailure(new Error('boom'), cleanup)).toBe(1);
    } finally {
      spy.mockRestore();
    }
    expect(cleanup).toHaveBeenCalledTimes(2);
    expect(lines.slice(0, 3)).toEqual([
      '\n构建失败：链接无法打开。dist/ 保持上一次成功构建的内容，未作改动。',
      'Build failed: broken links. dist/ is unchanged from the last good build.',
      'a.html → /x/',
    ]);
    expect(lines[3]).toBe('\n构建失败：意外错误。dist/ 保持上一次成功构建的内容，未作改动。');
    expect(lines[5]).toMatch(/^Error: boom/);
  });
});

describe('the output layout, read from routes.ts and the search contract', () => {
  // The regexes the incremental build spelled before the layout had one home: the same answers on every file of a built site.
  const OLD_TOP =
    /^(care\/notices\/[^/]+|notices\/[^/]+|pagefind-delta|search\/(?:keys|pack|docs))\//;
  const OLD_NOT_SITE =
    /^(?:(?:care\/)?notices\/|pagefind[^/]*\/|_astro\/)|^search\/(?:bundles\.json$|index\.json$|keys\/|pack\/|docs\/)/;
  it('names what a new file replaces and which files are not the site process’s, as before', async () => {
    const { topOfChange, notSitePageFile } = await import('../../src/lib/build/incremental-build');
    // Every kind of file a built site holds.
    const files = [
      'index.html',
      'care/index.html',
      'notices/11330602056860309P-2024-00101/index.html',
      'care/notices/002482090-2024-00128/index.html',
      'categories/renda-jianyi/2/index.html',
      'care/browse/in-force/index.html',
      'feed.xml',
      'data/notices.csv',
      'files/a.pdf',
      'pagefind/pagefind-entry.json',
      'pagefind/fragment/en_1.pf_fragment',
      'pagefind-delta/fragment/a.pf_fragment',
      'pagefind-2/pagefind.js',
      'search/keys/1.txt',
      'search/pack/0.bin',
      'search/docs/3.json',
      'search/index.json',
      'search/bundles.json',
      'notices/x',
      'care/notices/y/index.html',
      'categories/a/index.html',
      '_astro/a.css',
      'integrity-manifest.json',
    ];
    for (const f of files) {
      expect(topOfChange(f, true), f).toBe(OLD_TOP.exec(f)?.[1] ?? f);
      // A patch of the search tables replaces their files one by one.
      expect(topOfChange(f, false), f).toBe(
        /^search\/(keys|pack|docs)\//.test(f) ? f : (OLD_TOP.exec(f)?.[1] ?? f),
      );
      expect(notSitePageFile(f), f).toBe(OLD_NOT_SITE.test(f));
    }
  });
});
