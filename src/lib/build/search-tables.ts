import { encodeDocList, encodePositionBlocks } from '../search/postings';
import {
  BLOCK, BODY_BASE, bucketCount, bucketOf, docsFile, DOCS_PER_PAGE, FIELD_BASE, filterKey, formatKeyLine, GRAM, INLINE_MAX, keyFile, MANIFEST_FILE, packFile, PART_MAX, titleKey,
  type KeyEntry, type SearchManifest,
} from '../search/contract';
import { normaliseText } from '../search/normalize';
import type { CharMap } from '../search/fold';

/** One published notice as the search tables see it, in "newest first" order. */
export interface SearchDoc {
  /** The Pagefind record: its bundle folder and fragment id (`pagefind-1/zh_…`, contract.ts fragmentUrl). */
  fragment: string;
  title: string;
  /** 索引号, 文号: found by their text, ranked with the title. */
  fields: string[];
  body: string;
  filters: Record<string, string>;
}

/** Pack files are cut at about this size. */
const PACK_BYTES = 32 * 1024 * 1024;

/**
 * Writes the search tables of src/lib/search/contract.ts for `docs` (numbered in this order) through
 * `write` (a path below the site root, and its content). Deterministic: the same docs give the same files.
 */
export function writeSearchTables(docs: readonly SearchDoc[], map: CharMap, write: (path: string, data: Uint8Array | string) => void): SearchManifest {
  const short = new Map<number, number[]>(); // 1–3 characters as numbers: notice lists
  const trigramIds = new Map<number, number>();
  const trigrams: number[] = [];
  const long = new Map<number, { docs: number[]; counts: number[]; positions: number[] }>();
  const titles = new Map<string, number[]>();
  const filters = new Map<string, number[]>();
  const addDoc = (list: number[], d: number) => {
    if (list[list.length - 1] !== d) list.push(d);
  };

  docs.forEach((doc, d) => {
    const parts: Array<[number, string]> = [[0, normaliseText(doc.title, map).slice(0, PART_MAX)]];
    let base = FIELD_BASE;
    for (const f of doc.fields) {
      const text = normaliseText(f, map).slice(0, PART_MAX);
      parts.push([base, text]);
      base += text.length + 1;
    }
    parts.push([BODY_BASE, normaliseText(doc.body, map)]);
    for (const [start, text] of parts) {
      for (let i = 0; i < text.length; i++) {
        const c1 = text.charCodeAt(i);
        let k = c1;
        for (let n = 1; n <= GRAM && i + n <= text.length; n++) {
          if (n > 1) {
            const c = text.charCodeAt(i + n - 1);
            if (n === GRAM) {
              let id = trigramIds.get(k);
              if (id === undefined) trigramIds.set(k, (id = trigrams.push(k) - 1));
              const k4 = id * 65536 + c;
              let e = long.get(k4);
              if (!e) long.set(k4, (e = { docs: [], counts: [], positions: [] }));
              if (e.docs[e.docs.length - 1] !== d) {
                e.docs.push(d);
                e.counts.push(0);
              }
              e.counts[e.counts.length - 1]!++;
              e.positions.push(start + i);
              break;
            }
            k = k * 65536 + c;
          }
          let list = short.get(k);
          if (!list) short.set(k, (list = []));
          addDoc(list, d);
        }
      }
    }
    // The title and identifiers: a notice holding a text there ranks before one holding it in its body only.
    const seen = new Set<string>();
    for (const [start, text] of parts) {
      if (start >= BODY_BASE) continue;
      for (let i = 0; i < text.length; i++) for (let n = 1; n <= GRAM && i + n <= text.length; n++) seen.add(text.slice(i, i + n));
    }
    for (const g of seen) {
      let list = titles.get(g);
      if (!list) titles.set(g, (list = []));
      list.push(d);
    }
    for (const [name, value] of Object.entries(doc.filters)) {
      const key = filterKey(name, value);
      let list = filters.get(key);
      if (!list) filters.set(key, (list = []));
      list.push(d);
    }
  });

  const total = docs.length;
  const entries: KeyEntry[] = [];
  let pack = 0;
  let packChunks: Uint8Array[] = [];
  let packLength = 0;
  const flushPack = () => {
    if (!packLength) return;
    const out = new Uint8Array(packLength);
    let o = 0;
    for (const c of packChunks) {
      out.set(c, o);
      o += c.length;
    }
    write(packFile(pack++), out);
    packChunks = [];
    packLength = 0;
  };
  const append = (...chunks: Uint8Array[]) => {
    const size = chunks.reduce((s, c) => s + c.length, 0);
    if (packLength && packLength + size > PACK_BYTES) flushPack();
    const offset = packLength;
    for (const c of chunks) packChunks.push(c);
    packLength += size;
    return offset;
  };
  const listEntry = (key: string, list: number[]) => {
    const bytes = encodeDocList(list, total);
    const ref = bytes.length <= INLINE_MAX ? { kind: 'inline' as const, bytes } : { kind: 'pack' as const, pack, offset: 0, length: bytes.length };
    if (ref.kind === 'pack') {
      ref.offset = append(bytes);
      ref.pack = pack;
    }
    entries.push({ key, docs: list.length, occurrences: list.length, ref });
  };
  const shortKey = (k: number) => {
    const chars: number[] = [];
    while (k >= 65536) {
      chars.unshift(k % 65536);
      k = Math.floor(k / 65536);
    }
    chars.unshift(k);
    return String.fromCharCode(...chars);
  };
  for (const [k, list] of short) listEntry(`g${shortKey(k)}`, list);
  for (const [g, list] of titles) listEntry(titleKey(g), list);
  for (const [key, list] of filters) listEntry(key, list);
  for (const [k4, e] of long) {
    const gram = shortKey(trigrams[Math.floor(k4 / 65536)]!) + String.fromCharCode(k4 % 65536);
    const docList = encodeDocList(e.docs, total);
    const perDoc: Int32Array[] = [];
    let o = 0;
    for (const c of e.counts) {
      perDoc.push(Int32Array.from(e.positions.slice(o, o + c)));
      o += c;
    }
    const { table, blocks } = encodePositionBlocks(perDoc, BLOCK);
    const offset = append(docList, table, blocks);
    entries.push({ key: `p${gram}`, docs: e.docs.length, occurrences: e.positions.length, ref: { kind: 'positions', pack, offset, docsLength: docList.length, tableLength: table.length, blocksLength: blocks.length } });
  }
  flushPack();

  const formatted = entries.map(formatKeyLine);
  const buckets = bucketCount(formatted.reduce((n, l) => n + l.length * 2, 0));
  const lines: string[][] = Array.from({ length: buckets }, () => []);
  entries.forEach((e, i) => lines[bucketOf(e.key, buckets)]!.push(formatted[i]!));
  lines.forEach((l, k) => write(keyFile(k), l.sort().join('\n') + (l.length ? '\n' : '')));
  for (let k = 0; k * DOCS_PER_PAGE < total; k++) write(docsFile(k), JSON.stringify(docs.slice(k * DOCS_PER_PAGE, (k + 1) * DOCS_PER_PAGE).map((d) => d.fragment)));
  const manifest: SearchManifest = { version: 1, docs: total, buckets, packs: pack };
  write(MANIFEST_FILE, JSON.stringify(manifest) + '\n');
  return manifest;
}
