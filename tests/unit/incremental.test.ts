import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, utimesSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { distFingerprint, noticeDigests, planBuild, type BuildState, type NoticeDigest } from '../../src/lib/build/incremental';
import { clashingIds } from '../../src/lib/build/search-delta';
import type { NoticeData } from '../../src/lib/model/notice-schema';

const digest = (data: string, text: string, lead = 'l', o: { page?: string | null; neighbours?: string } = {}): NoticeDigest => ({ data, text, lead, page: o.page === undefined ? `p-${text[0]}` : o.page, neighbours: o.neighbours ?? 'n' });
const state = (notices: Record<string, NoticeDigest>): BuildState => ({ version: 2, code: 'c', dist: 'd', notices, bundles: ['pagefind'], indexed: {} });

describe('planBuild: what the last build can be reused for', () => {
  const last = state({ 'a.md': digest('1', 'x'), 'b.mdx': digest('2', 'y') });
  const now = (notices: Record<string, NoticeDigest>, o: { code?: string; dist?: string | null } = {}) => ({ code: o.code ?? 'c', dist: () => (o.dist === undefined ? 'd' : o.dist), notices });

  it('re-renders only notices whose file changed while their data and lead did not', () => {
    expect(planBuild(last, now({ 'a.md': digest('1', 'x'), 'b.mdx': digest('2', 'y2') }))).toEqual({ kind: 'incremental', changed: ['b.mdx'], site: false, gone: [] });
    expect(planBuild(last, now(last.notices))).toEqual({ kind: 'incremental', changed: [], site: false, gone: [] });
  });

  it('re-renders the site pages when data or a lead changed, and the notices whose neighbours changed', () => {
    expect(planBuild(last, now({ 'a.md': digest('1b', 'x2'), 'b.mdx': digest('2', 'y', 'l', { neighbours: 'n2' }) }))).toEqual({ kind: 'incremental', changed: ['a.md', 'b.mdx'], site: true, gone: [] });
    expect(planBuild(last, now({ 'a.md': digest('1', 'x2', 'l2'), 'b.mdx': digest('2', 'y') }))).toEqual({ kind: 'incremental', changed: ['a.md'], site: true, gone: [] });
  });

  it('renders added notices, removes the pages of removed ones, and re-renders a notice whose page moved', () => {
    expect(planBuild(last, now({ ...last.notices, 'c.md': digest('3', 'z') }))).toEqual({ kind: 'incremental', changed: ['c.md'], site: true, gone: [] });
    expect(planBuild(last, now({ 'a.md': digest('1', 'x') }))).toEqual({ kind: 'incremental', changed: [], site: true, gone: ['p-y'] });
    // A new 索引号 (page p-other) or made a draft (no page): the old page goes.
    expect(planBuild(last, now({ 'a.md': digest('1b', 'x', 'l', { page: 'p-other' }), 'b.mdx': digest('2', 'y') }))).toEqual({ kind: 'incremental', changed: ['a.md'], site: true, gone: ['p-x'] });
    expect(planBuild(last, now({ 'a.md': digest('1b', 'x', 'l', { page: null }), 'b.mdx': digest('2', 'y') }))).toEqual({ kind: 'incremental', changed: ['a.md'], site: true, gone: ['p-x'] });
    // A file renamed (same page): rendered again, nothing removed.
    expect(planBuild(last, now({ 'a2.md': digest('1', 'x'), 'b.mdx': digest('2', 'y') }))).toEqual({ kind: 'incremental', changed: ['a2.md'], site: true, gone: [] });
  });

  it('builds in full, saying why, whenever other pages could change', () => {
    const reason = (p: ReturnType<typeof planBuild>) => (p.kind === 'full' ? p.reason : 'incremental');
    expect(reason(planBuild(null, now(last.notices)))).toBe('没有上次构建的记录');
    expect(reason(planBuild(last, now(last.notices, { code: 'c2' })))).toContain('程序、站点配置或 public/');
    expect(reason(planBuild(last, now(last.notices, { dist: null })))).toContain('dist/');
    // dist/'s fingerprint (a stat of every file) is not worked out when the code alone decides.
    const unasked = () => {
      throw new Error('dist/ fingerprint asked for');
    };
    expect(reason(planBuild(last, { code: 'c2', dist: unasked, notices: last.notices }))).toContain('程序');
    expect(reason(planBuild(null, { code: 'c', dist: unasked, notices: last.notices }))).toBe('没有上次构建的记录');
    const many = Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`n${i}.md`, digest(String(i), `t${i}`)]));
    expect(reason(planBuild(last, now({ ...last.notices, ...many })))).toContain('超过 200 篇');
  });
});

describe('noticeDigests', () => {
  const data = { title: '关于…的通知', indexNo: '001-2024-0001', draft: false } as unknown as NoticeData;
  const none = () => ({});
  it("comes from the check's text key and lead, the page and the neighbours, without reading files", () => {
    const one = (o: Partial<{ data: NoticeData; sourceKey: string; lead: string }> = {}, neighbours: () => object = none) =>
      noticeDigests([{ file: 'not/a/file.md', data, sourceKey: 'k1', lead: '第一段。', ...o }], neighbours as () => never)['not/a/file.md']!;
    const base = one();
    expect(base.text).toBe('k1');
    expect(base.page).toBe('001-2024-0001');
    expect(one({ sourceKey: 'k2' }).text).toBe('k2');
    expect(one({ lead: '新的导语。' }).lead).not.toBe(base.lead);
    expect(one({}, () => ({ prev: { indexNo: 'x', title: '上一篇' } })).neighbours).not.toBe(base.neighbours);
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
});

describe('superseded search records', () => {
  it('an id that also names a record in another bundle is a clash (it would hide that record too)', () => {
    const superseded = new Map([['zh_1', 'pagefind'], ['zh_2', 'pagefind-1']]);
    const bundles = new Map([['pagefind', ['zh_1', 'zh_3']], ['pagefind-1', ['zh_2', 'zh_4']], ['pagefind-delta', ['zh_5']]]);
    expect(clashingIds(superseded, bundles)).toEqual([]);
    bundles.set('pagefind-delta', ['zh_5', 'zh_1']);
    expect(clashingIds(superseded, bundles)).toEqual(['zh_1']);
  });
});
