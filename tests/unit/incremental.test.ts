import { describe, expect, it } from 'vitest';
import {
  changedListings,
  listingFingerprints,
  listingPageKey,
  listingPageOf,
} from '../../src/lib/build/listing-fingerprints';
import { listingKey, listingPageFiles, siteListings } from '../../src/lib/site/listings';
import { deriveSite } from '../../src/lib/site/derive';
import { stableSlug } from '../../src/lib/site/routes';
import { createNoticeSchema } from '../../src/lib/model/notice-schema';
import { DEFAULT_CATEGORIES, parseSiteConfig } from '../../src/lib/model/site-config';
import { mkdtempSync, rmSync, utimesSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import {
  distFingerprint,
  fingerprintOf,
  snapshotDist,
  updateSnapshot,
  noticeDigests,
  planBuild,
  type BuildState,
  type NoticeDigest,
} from '../../src/lib/build/incremental';
import { clashingIds } from '../../src/lib/build/search-bundles';
import type { NoticeData } from '../../src/lib/model/notice-schema';

const digest = (
  data: string,
  text: string,
  lead = 'l',
  o: { page?: string | null; neighbours?: string } = {},
): NoticeDigest => ({
  data,
  text,
  lead,
  page: o.page === undefined ? `p-${text[0]}` : o.page,
  neighbours: o.neighbours ?? 'n',
});
const state = (notices: Record<string, NoticeDigest>): BuildState => ({
  version: 4,
  code: 'c',
  dist: 'd',
  notices,
  listings: {},
  bundles: ['pagefind'],
  indexed: {},
  tables: { order: 'o', packs: 1 },
});

describe('planBuild: what the last build can be reused for', () => {
  const last = state({ 'a.md': digest('1', 'x'), 'b.mdx': digest('2', 'y') });
  const now = (
    notices: Record<string, NoticeDigest>,
    o: { code?: string; dist?: string | null } = {},
  ) => ({ code: o.code ?? 'c', dist: () => (o.dist === undefined ? 'd' : o.dist), notices });

  it('re-renders only notices whose file changed while their data and lead did not', () => {
    expect(planBuild(last, now({ 'a.md': digest('1', 'x'), 'b.mdx': digest('2', 'y2') }))).toEqual({
      kind: 'incremental',
      changed: ['b.mdx'],
      site: false,
      gone: [],
    });
    expect(planBuild(last, now(last.notices))).toEqual({
      kind: 'incremental',
      changed: [],
      site: false,
      gone: [],
    });
  });

  it('re-renders the site pages when data or a lead changed, and the notices whose neighbours changed', () => {
    expect(
      planBuild(
        last,
        now({ 'a.md': digest('1b', 'x2'), 'b.mdx': digest('2', 'y', 'l', { neighbours: 'n2' }) }),
      ),
    ).toEqual({ kind: 'incremental', changed: ['a.md', 'b.mdx'], site: true, gone: [] });
    expect(
      planBuild(last, now({ 'a.md': digest('1', 'x2', 'l2'), 'b.mdx': digest('2', 'y') })),
    ).toEqual({ kind: 'incremental', changed: ['a.md'], site: true, gone: [] });
  });

  it('renders added notices, removes the pages of removed ones, and re-renders a notice whose page moved', () => {
    expect(planBuild(last, now({ ...last.notices, 'c.md': digest('3', 'z') }))).toEqual({
      kind: 'incremental',
      changed: ['c.md'],
      site: true,
      gone: [],
    });
    expect(planBuild(last, now({ 'a.md': digest('1', 'x') }))).toEqual({
      kind: 'incremental',
      changed: [],
      site: true,
      gone: ['p-y'],
    });
    // A new 索引号 (page p-other) or made a draft (no page): the old page goes.
    expect(
      planBuild(
        last,
        now({ 'a.md': digest('1b', 'x', 'l', { page: 'p-other' }), 'b.mdx': digest('2', 'y') }),
      ),
    ).toEqual({ kind: 'incremental', changed: ['a.md'], site: true, gone: ['p-x'] });
    expect(
      planBuild(
        last,
        now({ 'a.md': digest('1b', 'x', 'l', { page: null }), 'b.mdx': digest('2', 'y') }),
      ),
    ).toEqual({ kind: 'incremental', changed: ['a.md'], site: true, gone: ['p-x'] });
    // A file renamed (same page): rendered again, nothing removed.
    expect(planBuild(last, now({ 'a2.md': digest('1', 'x'), 'b.mdx': digest('2', 'y') }))).toEqual({
      kind: 'incremental',
      changed: ['a2.md'],
      site: true,
      gone: [],
    });
  });

  it('builds in full, saying why, whenever other pages could change', () => {
    const reason = (p: ReturnType<typeof planBuild>) =>
      p.kind === 'full' ? p.reason : 'incremental';
    expect(reason(planBuild(null, now(last.notices)))).toBe('没有上次构建的记录');
    expect(reason(planBuild(last, now(last.notices, { code: 'c2' })))).toContain(
      '程序、站点配置或 public/',
    );
    expect(reason(planBuild(last, now(last.notices, { dist: null })))).toContain('dist/');
    // dist/'s fingerprint (a stat of every file) is not worked out when the code alone decides.
    const unasked = () => {
      throw new Error('dist/ fingerprint asked for');
    };
    expect(reason(planBuild(last, { code: 'c2', dist: unasked, notices: last.notices }))).toContain(
      '程序',
    );
    expect(reason(planBuild(null, { code: 'c', dist: unasked, notices: last.notices }))).toBe(
      '没有上次构建的记录',
    );
    const many = Object.fromEntries(
      Array.from({ length: 201 }, (_, i) => [`n${i}.md`, digest(String(i), `t${i}`)]),
    );
    expect(reason(planBuild(last, now({ ...last.notices, ...many })))).toContain('超过 200 篇');
  });
});

describe('noticeDigests', () => {
  const data = {
    title: '关于…的通知',
    indexNo: '001-2024-0001',
    draft: false,
  } as unknown as NoticeData;
  const none = () => ({});
  it("comes from the check's text key and lead, the page and the neighbours, without reading files", () => {
    const one = (
      o: Partial<{ data: NoticeData; sourceKey: string; lead: string }> = {},
      neighbours: () => object = none,
    ) =>
      noticeDigests(
        [{ file: 'not/a/file.md', data, sourceKey: 'k1', lead: '第一段。', ...o }],
        neighbours as () => never,
      )['not/a/file.md']!;
    const base = one();
    expect(base.text).toBe('k1');
    expect(base.page).toBe('001-2024-0001');
    expect(one({ sourceKey: 'k2' }).text).toBe('k2');
    expect(one({ lead: '新的导语。' }).lead).not.toBe(base.lead);
    expect(one({}, () => ({ prev: { indexNo: 'x', title: '上一篇' } })).neighbours).not.toBe(
      base.neighbours,
    );
    expect(one({ data: { ...data, draft: true } as NoticeData }).page).toBeNull();
  });
});

describe('distFingerprint', () => {
  it('changes when a file is added, removed, rewritten or touched', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-dist-fp-'));
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'a.html'), 'a');
    const a = distFingerprint(dir);
    expect(distFingerprint(dir)).toBe(a);
    writeFileSync(join(dir, 'b.html'), 'b');
    const b = distFingerprint(dir);
    expect(b).not.toBe(a);
    utimesSync(join(dir, 'b.html'), new Date(2020, 1, 1), new Date(2020, 1, 1));
    expect(distFingerprint(dir)).not.toBe(b);
    rmSync(join(dir, 'b.html'));
    expect(distFingerprint(dir)).toBe(a);
    expect(distFingerprint(join(dir, 'missing'))).toBeNull();
    rmSync(dir, { recursive: true });
  });
  it('updated for the paths an incremental build replaced, it is what reading the whole folder gives', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-dist-fp-'));
    for (const f of [
      'notices/a/index.html',
      'notices/b/index.html',
      'search/keys/1.txt',
      'feed.xml',
    ])
      writeFileSync((mkdirSync(join(dir, f, '..'), { recursive: true }), join(dir, f)), f);
    const snap = snapshotDist(dir);
    // A folder replaced (one file more), a file rewritten, a folder gone, a new file.
    rmSync(join(dir, 'notices/a'), { recursive: true });
    mkdirSync(join(dir, 'notices/a/files'), { recursive: true });
    writeFileSync(join(dir, 'notices/a/index.html'), 'new');
    writeFileSync(join(dir, 'notices/a/files/x.pdf'), 'pdf');
    writeFileSync(join(dir, 'search/keys/1.txt'), 'longer text');
    rmSync(join(dir, 'notices/b'), { recursive: true });
    writeFileSync(join(dir, 'search/keys/2.txt'), 'k');
    updateSnapshot(snap, dir, ['notices/a', 'search/keys/1.txt', 'notices/b', 'search/keys/2.txt']);
    expect([...snap.keys()].sort()).toEqual([
      'feed.xml',
      'notices/a/files/x.pdf',
      'notices/a/index.html',
      'search/keys/1.txt',
      'search/keys/2.txt',
    ]);
    expect(fingerprintOf(snap)).toBe(distFingerprint(dir));
    rmSync(dir, { recursive: true });
  });
});

describe('superseded search records', () => {
  it('an id that also names a record in another bundle is a clash (it would hide that record too)', () => {
    const superseded = new Map([
      ['zh_1', 'pagefind'],
      ['zh_2', 'pagefind-1'],
    ]);
    const bundles = new Map([
      ['pagefind', ['zh_1', 'zh_3']],
      ['pagefind-1', ['zh_2', 'zh_4']],
      ['pagefind-delta', ['zh_5']],
    ]);
    expect(clashingIds(superseded, bundles)).toEqual([]);
    bundles.set('pagefind-delta', ['zh_5', 'zh_1']);
    expect(clashingIds(superseded, bundles)).toEqual(['zh_1']);
  });
});

describe('listings rendered again by an incremental build', () => {
  const config = parseSiteConfig({
    name: 's',
    owner: 'o',
    url: 'https://x.cn',
    categories: [...DEFAULT_CATEGORIES],
  });
  const schema = createNoticeSchema(DEFAULT_CATEGORIES.map((c) => c.name));
  const base = [
    {
      title: '关于科技创新的通知',
      indexNo: '002482090/2024-00001',
      category: '通知公告',
      issuer: '区科技局',
      date: '2024-03-01',
    },
    {
      title: '关于人才工作的通知',
      indexNo: '002482090/2024-00002',
      category: '通知公告',
      issuer: '区人社局',
      date: '2024-04-01',
    },
    {
      title: '2023 年工作总结',
      indexNo: '002482090/2023-00003',
      category: '工作总结',
      issuer: '区科技局',
      date: '2023-12-01',
    },
  ];
  /** The fingerprints of these notices' listings, a notice's digest being its data (as the build's digest of it). */
  const fingerprints = (rows: ReadonlyArray<Record<string, string>>) => {
    const data = rows.map((r) => schema.parse({ publishedAt: `${r.date}T09:00:00+08:00`, ...r }));
    const site = deriveSite(
      data.map((d) => ({ id: d.indexNo, data: d, entry: null })),
      config,
    );
    const byIndexNo = new Map(data.map((d) => [d.indexNo, JSON.stringify(d)]));
    return listingFingerprints(siteListings(site), (indexNo) => byIndexNo.get(indexNo)!);
  };
  const before = fingerprints(base);
  const categorySlug = (name: string) => DEFAULT_CATEGORIES.find((c) => c.name === name)!.slug;

  const first = (key: string) => listingPageKey(key, 1);
  it('names every page of every category, issuer and year listing, as the pages key them', () => {
    expect(Object.keys(before)).toEqual(
      expect.arrayContaining(
        [
          listingKey.category(categorySlug('通知公告')),
          listingKey.issuer(stableSlug('区科技局')),
          listingKey.year('2023'),
          listingKey.year('2024'),
        ].map(first),
      ),
    );
  });
  it('a title edit renders again only the listings that hold the notice', () => {
    const after = fingerprints(
      base.map((r, i) => (i === 1 ? { ...r, title: `${r.title}（修订）` } : r)),
    );
    expect(changedListings(before, after)).toEqual(
      [
        listingKey.category(categorySlug('通知公告')),
        listingKey.issuer(stableSlug('区人社局')),
        listingKey.year('2024'),
      ]
        .map(first)
        .sort(),
    );
  });
  it('a notice moved to another category and year renders both the old and the new listings', () => {
    const after = fingerprints(
      base.map((r, i) =>
        i === 0
          ? { ...r, category: '工作总结', date: '2023-05-01', indexNo: '002482090/2023-00001' }
          : r,
      ),
    );
    expect(changedListings(before, after)).toEqual(
      expect.arrayContaining(
        [
          listingKey.category(categorySlug('通知公告')),
          listingKey.category(categorySlug('工作总结')),
          listingKey.year('2023'),
          listingKey.year('2024'),
          listingKey.issuer(stableSlug('区科技局')),
        ].map(first),
      ),
    );
  });
  it("a listing page's files are the page in both modes, as its pages link them", () => {
    const listing = { pagePath: (n: number) => `/years/2024/${n > 1 ? `${n}/` : ''}` };
    expect([1, 2].flatMap((n) => listingPageFiles(listing, n))).toEqual([
      'years/2024/index.html',
      'care/years/2024/index.html',
      'years/2024/2/index.html',
      'care/years/2024/2/index.html',
    ]);
  });
  it('nothing changed, nothing rendered; a new listing is rendered', () => {
    expect(changedListings(before, fingerprints(base))).toEqual([]);
    const added = fingerprints([
      ...base,
      {
        title: '新机构的通知',
        indexNo: '002482090/2022-00009',
        category: '通知公告',
        issuer: '区新设局',
        date: '2022-01-05',
      },
    ]);
    expect(changedListings(before, added)).toEqual(
      expect.arrayContaining(
        [listingKey.issuer(stableSlug('区新设局')), listingKey.year('2022')].map(first),
      ),
    );
  });
  it('in a listing of several pages, a title edit renders one page; a reordering date, or a notice added, every page', () => {
    // 45 notices of one issuer and year: three pages of each listing, newest first.
    const many = Array.from({ length: 45 }, (_, i) => ({
      title: `第 ${i + 1} 号通知`,
      indexNo: `002482090/2024-${String(i + 1).padStart(5, '0')}`,
      category: '通知公告',
      issuer: '区人社局',
      date: `2024-${String(1 + Math.floor(i / 28)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
    }));
    const year = listingKey.year('2024');
    const pagesOf = (keys: string[]) =>
      keys.filter((k) => listingPageOf(k).key === year).map((k) => listingPageOf(k).page);
    const start = fingerprints(many);
    expect(pagesOf(Object.keys(start))).toEqual([1, 2, 3]);
    // The 10th newest (page 1) retitled; the oldest (page 3) retitled.
    const retitled = many.map((r, i) =>
      i === 35 || i === 0 ? { ...r, title: `${r.title}（修订）` } : r,
    );
    expect(pagesOf(changedListings(start, fingerprints(retitled)))).toEqual([1, 3]);
    // The oldest given the newest date: every notice moves down one place.
    const redated = many.map((r, i) => (i === 0 ? { ...r, date: '2024-03-01' } : r));
    expect(pagesOf(changedListings(start, fingerprints(redated)))).toEqual([1, 2, 3]);
    const added = [...many, { ...many[0]!, indexNo: '002482090/2024-00099', date: '2024-01-01' }];
    expect(pagesOf(changedListings(start, fingerprints(added)))).toEqual([1, 2, 3]);
  });
});
