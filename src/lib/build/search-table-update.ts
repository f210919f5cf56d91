import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { MANIFEST_FILE, packFile, type SearchManifest } from '../search/contract';
import { patchSearchTables, type TableChange, type TableFiles } from './search-table-patch';
import {
  newCorpus,
  readDeltaTexts,
  readStore,
  readStoreTexts,
  searchCharMap,
  writeInto,
  writeTablesFor,
  type TableText,
} from './search-texts';
import { FullBuildNeeded } from './errors';

/** What the build state keeps of the published search tables. */
export interface TablesState {
  /** tableOrder() of the notices they number. */
  order: string;
  /** The packs their last whole write made (later packs are patches). */
  packs: number;
}

/** The notices' numbering, as a digest: a patch needs the same one (contract.ts numbers notices newest first). */
export function tableOrder(urls: readonly string[]): string {
  return createHash('sha256').update(urls.join('\n')).digest('hex');
}

/** Patches beyond this share of the whole write's packs: the tables are written afresh. */
const MAX_PATCH_SHARE = 0.25;

/**
 * The search tables of an incremental build, into `next`. When the notices are numbered as in the
 * published tables (none added, removed or moved in the order), only the notices whose text or
 * record differs from what the tables describe are patched (search-table-patch.ts): the tables
 * describe the last full build's texts (the store) with the last incremental build's delta texts
 * over them, and will describe the store with `delta` over it. Otherwise they are written again
 * over every notice's text.
 */
export async function updateSearchTables(o: {
  work: string;
  dist: string;
  next: string;
  /** The published notices, newest first. */
  urls: readonly string[];
  last: TablesState | undefined;
  /** The texts of this build's delta bundle. */
  delta: readonly TableText[];
}): Promise<{ state: TablesState; patched: number | null }> {
  const order = tableOrder(o.urls);
  const why = o.last?.order === order ? patchRefused(o.dist, o.last) : '公告的编号有变化';
  if (!why) {
    const changes = changedTexts(o.work, o.urls, o.delta);
    if (changes) {
      if (changes.length)
        patchSearchTables({
          files: tableFilesIn(o.dist),
          map: searchCharMap(),
          changes,
          write: writeInto(o.next),
        });
      return { state: o.last!, patched: changes.length };
    }
  }
  const corpus = newCorpus();
  if (!readStore(o.work, corpus)) throw new FullBuildNeeded('没有上次完整构建的搜索文本');
  for (const d of o.delta) corpus.add(d.url, d);
  try {
    await writeTablesFor(o.next, o.urls, corpus);
  } catch (err) {
    throw new FullBuildNeeded((err as Error).message);
  }
  const manifest = JSON.parse(readFileSync(join(o.next, MANIFEST_FILE), 'utf8')) as SearchManifest;
  return { state: { order, packs: manifest.packs }, patched: null };
}

/** Why the published tables are not patched (their patches are too large a share), or null. */
function patchRefused(dist: string, last: TablesState): string | null {
  let manifest: SearchManifest;
  try {
    manifest = JSON.parse(readFileSync(join(dist, MANIFEST_FILE), 'utf8')) as SearchManifest;
  } catch {
    return '没有搜索表';
  }
  let whole = 0;
  let patches = 0;
  for (let n = 0; n < manifest.packs; n++) {
    const size = statSync(join(dist, packFile(n))).size;
    if (n < last.packs) whole += size;
    else patches += size;
  }
  return patches > whole * MAX_PATCH_SHARE ? '搜索表的增补已超过原表的四分之一' : null;
}

/**
 * The notices whose text as the tables have it differs from what it will be, with their numbers;
 * null if the store lacks one of them.
 */
function changedTexts(
  work: string,
  urls: readonly string[],
  delta: readonly TableText[],
): TableChange[] | null {
  const before = readDeltaTexts(work);
  const after = new Map(delta.map((d) => [d.url, d]));
  const candidates = [...new Set([...before.keys(), ...after.keys()])];
  const store = readStoreTexts(
    work,
    candidates.filter((u) => !before.has(u) || !after.has(u)),
  );
  if (!store) return null;
  const number = new Map(urls.map((u, i) => [u, i]));
  const changes: TableChange[] = [];
  for (const url of candidates) {
    const a = before.get(url) ?? store.get(url)!;
    const b = after.get(url) ?? store.get(url)!;
    if (textKey(a) === textKey(b)) continue;
    const n = number.get(url);
    if (n === undefined) return null;
    changes.push({ number: n, before: a, after: b });
  }
  return changes.sort((x, y) => x.number - y.number);
}

const textKey = (d: TableText) =>
  JSON.stringify([d.fragment, d.title, d.fields, d.body, Object.entries(d.filters).sort()]);

/** The published tables, read from a site folder. */
export function tableFilesIn(dir: string): TableFiles {
  return {
    text: (path) => readFileSync(join(dir, path), 'utf8'),
    range: (pack, offset, length) => {
      const fd = openSync(join(dir, packFile(pack)), 'r');
      try {
        const out = new Uint8Array(length);
        readSync(fd, out, 0, length, offset);
        return out;
      } finally {
        closeSync(fd);
      }
    },
  };
}
