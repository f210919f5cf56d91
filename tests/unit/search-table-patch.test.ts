import { describe, expect, it } from 'vitest';
import { patchSearchTables } from '../../src/lib/build/search-table-patch';
import { docKeys, type SearchDoc } from '../../src/lib/build/search-tables';
import {
  bucketOf,
  docsFile,
  DOCS_PER_PAGE,
  keyFile,
  MANIFEST_FILE,
  packFile,
  type SearchManifest,
} from '../../src/lib/search/contract';
import { parseCharMap } from '../../src/lib/search/fold';
import { TableSearch } from '../../src/lib/search/answer';
import { planSearch } from '../../src/lib/search/plan';
import { normaliseText } from '../../src/lib/search/normalize';
import { memoryTables, tablesIn } from '../support/memory-tables';
import { tableContents, tableFilesOf } from '../support/table-contents';
import { smallCorpus } from '../support/small-corpus';

const map = parseCharMap('嘉嘉興兴區区橋桥');
type Files = Map<string, Uint8Array | string>;

/** The tables' contents and their docs pages. */
function contents(files: Files) {
  const t = tableFilesOf(files);
  const { docs, keys } = tableContents(t);
  const pages: string[] = [];
  for (let k = 0; k * DOCS_PER_PAGE < docs; k++) pages.push(t.text(docsFile(k)));
  return { docs, keys, pages };
}

/** Patches `files` in place from `before` to `after` (same numbering) and returns what it wrote. */
function patch(files: Files, before: readonly SearchDoc[], after: readonly SearchDoc[]): string[] {
  const written: string[] = [];
  patchSearchTables({
    files: tableFilesOf(files),
    map,
    changes: after.flatMap((doc, number) =>
      JSON.stringify(doc) === JSON.stringify(before[number])
        ? []
        : [{ number, before: before[number]!, after: doc }],
    ),
    write: (path, data) => {
      written.push(path);
      files.set(path, data);
    },
  });
  return written;
}

describe('patching the search tables for a few changed notices', () => {
  const before = smallCorpus(300);
  const after = before.map((d) => ({ ...d, filters: { ...d.filters } }));
  // A body rewritten with words no other notice has; a title changed; a body cut to a few
  // characters (its keys leave lists, some lists empty); a record moved to the delta bundle with
  // another year; an empty body.
  after[5]!.body = '冥王星轨道测量站于本年度建成，冥王星轨道数据向社会公开。';
  after[17]!.title = '关于海王星观测站建设的答复（修订）';
  after[42]!.body = '同意。';
  after[100]!.fragment = 'pagefind-delta/zh_0';
  after[100]!.filters['年份'] = '2019';
  after[299]!.body = '';

  it('gives every key the notices, occurrences and posting bytes a fresh write gives', () => {
    const { files } = memoryTables(before, map);
    const packsBefore = (JSON.parse(files.get(MANIFEST_FILE) as string) as SearchManifest).packs;
    const written = patch(files, before, after);
    expect(contents(files)).toEqual(contents(memoryTables(after, map).files));
    // New packs after the old; one docs page (notice 100's record moved).
    const m = JSON.parse(files.get(MANIFEST_FILE) as string) as SearchManifest;
    expect(m.packs).toBeGreaterThan(packsBefore);
    expect(written.filter((p) => p.startsWith('search/pack/'))).toEqual(
      Array.from({ length: m.packs - packsBefore }, (_, i) => packFile(packsBefore + i)),
    );
    expect(written.filter((p) => p.startsWith('search/docs/'))).toEqual([docsFile(6)]);
  });

  it('writes only the key files of keys whose postings changed', () => {
    const { files } = memoryTables(before, map);
    const { buckets } = JSON.parse(files.get(MANIFEST_FILE) as string) as SearchManifest;
    const retitled = before.map((d, i) => (i === 17 ? after[17]! : d));
    const written = patch(files, before, retitled);
    const [a, b] = [docKeys(before[17]!, map), docKeys(after[17]!, map)];
    const keys = [...new Set([...a.keys(), ...b.keys()])].filter(
      (k) => a.get(k)?.join() !== b.get(k)?.join(),
    );
    const expected = [...new Set(keys.map((k) => bucketOf(k, buckets)))].sort((a, b) => a - b);
    expect(written.filter((p) => p.startsWith('search/keys/'))).toEqual(expected.map(keyFile));
    expect(written.at(-1)).toBe(MANIFEST_FILE);
    expect(expected.length).toBeLessThan(buckets / 2);
    expect(contents(files)).toEqual(contents(memoryTables(retitled, map).files));
  });

  it('a patch of a patch too, and search answers from it', async () => {
    const { files } = memoryTables(before, map);
    patch(files, before, after);
    const again = after.map((d) => ({ ...d }));
    again[5]!.body = '木星探测任务圆满完成。';
    again[42]!.body = before[42]!.body;
    again[200]!.title = '冥王星轨道测量的通知';
    patch(files, after, again);
    expect(contents(files)).toEqual(contents(memoryTables(again, map).files));

    const search = new TableSearch(tablesIn(files).reader);
    const ids = async (q: string) => [
      ...(await search.answer(planSearch({ q, filters: {}, sort: 'relevance' }, map), map)).ids,
    ];
    expect(await ids('冥王星轨道')).toEqual([200]);
    expect(await ids('木星探测任务')).toEqual([5]);
    const text = normaliseText(before[42]!.body, map).slice(3, 20);
    expect(await ids(text)).toContain(42);
  });
});
