import {
  BLOCK,
  bucketOf,
  docsFile,
  DOCS_PER_PAGE,
  formatKeyLine,
  INLINE_MAX,
  keyFile,
  MANIFEST_FILE,
  parseKeyFile,
  type KeyEntry,
  type PostingRef,
  type SearchManifest,
} from '../search/contract';
import {
  decodeBlock,
  decodeBlockTable,
  decodeDocList,
  encodeDocList,
  encodePositionBlocks,
} from '../search/postings';
import type { CharMap } from '../search/fold';
import { docKeys, PackWriter, sortedKeyFile, type SearchDoc } from './search-tables';

/** The published tables a patch reads: text files (keys, docs, manifest) and ranges of packs. */
export interface TableFiles {
  text(path: string): string;
  range(pack: number, offset: number, length: number): Uint8Array;
}

/** One notice whose text or record changed; its number (its place in the tables) did not. */
export interface TableChange {
  number: number;
  before: SearchDoc;
  after: SearchDoc;
}

/**
 * The search tables after `changes`, as files to replace: the key files holding a key whose
 * postings changed (a key one text has and the other has not, or at other positions), the docs pages of records that moved, new packs
 * after the tables' own for the postings rewritten, and the manifest. Each key's entry is what
 * SearchCorpus.write gives the changed texts (same notices, occurrences, posting bytes); only where
 * its postings sit differs, so every answer is the same (tests/unit/search-table-patch.test.ts).
 * The old postings stay in their packs, unread: a build writes the tables afresh once those exceed
 * a share of the packs (search-table-update.ts).
 */
export function patchSearchTables(o: {
  files: TableFiles;
  map: CharMap;
  changes: readonly TableChange[];
  write: (path: string, data: Uint8Array | string) => void;
}): SearchManifest {
  const { files, write } = o;
  const manifest = JSON.parse(files.text(MANIFEST_FILE)) as SearchManifest;
  const total = manifest.docs;
  const numbers = new Set<number>();
  const affected = new Set<string>();
  // Key → the changed notices holding it now, with their positions (4 characters).
  const now = new Map<string, Map<number, number[]>>();
  for (const c of o.changes) {
    if (c.number < 0 || c.number >= total) throw new Error(`搜索表没有第 ${c.number} 篇`);
    numbers.add(c.number);
    const before = docKeys(c.before, o.map);
    const after = docKeys(c.after, o.map);
    for (const [key, positions] of after) {
      let docs = now.get(key);
      if (!docs) now.set(key, (docs = new Map()));
      docs.set(c.number, positions);
      if (before.get(key)?.join() !== positions.join()) affected.add(key);
    }
    for (const key of before.keys()) if (!after.has(key)) affected.add(key);
  }

  const pack = new PackWriter(write, manifest.packs);
  const listRef = (bytes: Uint8Array): PostingRef =>
    bytes.length <= INLINE_MAX
      ? { kind: 'inline', bytes }
      : { kind: 'pack', ...pack.append(bytes), length: bytes.length };
  const byBucket = new Map<number, string[]>();
  for (const key of affected) {
    const b = bucketOf(key, manifest.buckets);
    const keys = byBucket.get(b);
    if (keys) keys.push(key);
    else byBucket.set(b, [key]);
  }
  for (const b of [...byBucket.keys()].sort((x, y) => x - y)) {
    const lines = new Map<string, string>();
    for (const line of files.text(keyFile(b)).split('\n'))
      if (line) lines.set(line.slice(0, line.indexOf('\t')), line);
    for (const key of byBucket.get(b)!.sort()) {
      const line = lines.get(key);
      const old = line === undefined ? undefined : parseKeyFile(line).get(key)!;
      const postings = new Map<number, number[]>();
      if (old)
        for (const [d, p] of readPostings(files, old)) if (!numbers.has(d)) postings.set(d, p);
      for (const [d, p] of now.get(key) ?? []) postings.set(d, p);
      if (!postings.size) {
        lines.delete(key);
        continue;
      }
      const docs = [...postings.keys()].sort((x, y) => x - y);
      let entry: KeyEntry;
      if (key.startsWith('p')) {
        const perDoc = docs.map((d) => postings.get(d)!);
        const docList = encodeDocList(docs, total);
        const { table, blocks } = encodePositionBlocks(perDoc, BLOCK);
        const at = pack.append(docList, table, blocks);
        entry = {
          key,
          docs: docs.length,
          occurrences: perDoc.reduce((n, p) => n + p.length, 0),
          ref: {
            kind: 'positions',
            ...at,
            docsLength: docList.length,
            tableLength: table.length,
            blocksLength: blocks.length,
          },
        };
      } else {
        const ref = listRef(encodeDocList(docs, total));
        entry = { key, docs: docs.length, occurrences: docs.length, ref };
      }
      lines.set(key, formatKeyLine(entry));
    }
    write(keyFile(b), sortedKeyFile([...lines.values()]));
  }

  // The docs pages of notices whose record is elsewhere now (the delta bundle).
  const pages = new Map<number, string[]>();
  for (const c of o.changes) {
    if (c.before.fragment === c.after.fragment) continue;
    const k = Math.floor(c.number / DOCS_PER_PAGE);
    if (!pages.has(k)) pages.set(k, JSON.parse(files.text(docsFile(k))) as string[]);
    pages.get(k)![c.number % DOCS_PER_PAGE] = c.after.fragment;
  }
  for (const [k, list] of [...pages].sort(([a], [b]) => a - b))
    write(docsFile(k), JSON.stringify(list));

  const next: SearchManifest = { ...manifest, packs: pack.finish() };
  write(MANIFEST_FILE, JSON.stringify(next) + '\n');
  return next;
}

/** A key's notices, each with its positions (4 characters) or none. */
export function readPostings(files: TableFiles, e: KeyEntry): Map<number, number[]> {
  const out = new Map<number, number[]>();
  const r = e.ref;
  if (r.kind !== 'positions') {
    const bytes = r.kind === 'inline' ? r.bytes : files.range(r.pack, r.offset, r.length);
    for (const d of decodeDocList(bytes)) out.set(d, []);
    return out;
  }
  const bytes = files.range(r.pack, r.offset, r.docsLength + r.tableLength + r.blocksLength);
  const docs = decodeDocList(bytes.subarray(0, r.docsLength));
  const lengths = decodeBlockTable(bytes.subarray(r.docsLength, r.docsLength + r.tableLength));
  let at = r.docsLength + r.tableLength;
  lengths.forEach((length, b) => {
    const inBlock = Math.min(BLOCK, docs.length - b * BLOCK);
    decodeBlock(bytes.subarray(at, at + length), inBlock).forEach((p, i) =>
      out.set(docs[b * BLOCK + i]!, [...p]),
    );
    at += length;
  });
  return out;
}
