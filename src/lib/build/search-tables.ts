import { encodeDocList, encodePositionBlocks } from '../search/postings';
import {
  BLOCK,
  BODY_BASE,
  bucketCount,
  bucketOf,
  docsFile,
  DOCS_PER_PAGE,
  FIELD_BASE,
  filterKey,
  formatKeyLine,
  GRAM,
  INLINE_MAX,
  keyFile,
  MANIFEST_FILE,
  packFile,
  PART_MAX,
  titleKey,
  type KeyEntry,
  type PostingRef,
  type SearchManifest,
} from '../search/contract';
import { normaliseText } from '../search/normalize';
import type { CharMap } from '../search/fold';
import { IntList, NumberTable } from './number-table';

/** One published notice as the search tables see it. */
export interface SearchDoc {
  /** The Pagefind record: its bundle folder and fragment id (`pagefind-1/und_…`, contract.ts fragmentUrl). */
  fragment: string;
  title: string;
  /** 索引号, 文号, a reply's 会议, 代表/委员, 题目: found by their text, ranked with the title. */
  fields: string[];
  body: string;
  filters: Record<string, string>;
}

/** Pack files are cut at about this size. */
const PACK_BYTES = 32 * 1024 * 1024;
/**
 * Characters whose grams one pass over the texts collects (memory is bounded by a pass). Two
 * passes are collected at once on two threads (writeInWorkers): each takes half of what one pass
 * took alone before (24,000,000).
 */
const CHARS_PER_PASS = 12_000_000;

interface Slot {
  /** start in `chars`, length, position base; per part. */
  parts: Int32Array;
  fragment: string;
  filters: Record<string, string>;
}

/**
 * Every notice's normalised text, kept compactly (two bytes a character) as the build reads them,
 * then written as the search tables of src/lib/search/contract.ts in the order given. Keys are
 * collected in passes, each for the grams starting with a share of the characters, so the memory a
 * pass needs is bounded whatever the number of notices.
 */
export class SearchCorpus {
  private chars = new Uint16Array(1 << 20);
  private used = 0;
  private readonly slots = new Map<string, Slot>();

  constructor(
    private readonly map: CharMap,
    private readonly charsPerPass = CHARS_PER_PASS,
  ) {}

  private append(text: string): number {
    const start = this.used;
    if (start + text.length > this.chars.length) {
      let size = this.chars.length * 2;
      while (size < start + text.length) size *= 2;
      const next = new Uint16Array(size);
      next.set(this.chars.subarray(0, this.used));
      this.chars = next;
    }
    for (let i = 0; i < text.length; i++) this.chars[start + i] = text.charCodeAt(i);
    this.used += text.length;
    return start;
  }

  /** Adds (or replaces) the notice at `url`. */
  add(url: string, doc: SearchDoc): void {
    const parts: number[] = [];
    for (const { text, base } of docParts(doc, this.map))
      parts.push(this.append(text), text.length, base);
    this.slots.set(url, {
      parts: Int32Array.from(parts),
      fragment: doc.fragment,
      filters: doc.filters,
    });
  }

  has(url: string): boolean {
    return this.slots.has(url);
  }

  /** How many characters the notices' texts hold (normalised). */
  size(): number {
    return this.used;
  }

  /** The notices at `urls`, in this order, as the passes read them (passInput). */
  private ordered(urls: readonly string[]): { order: Slot[]; input: PassInput } {
    const order = urls.map((u) => {
      const s = this.slots.get(u);
      if (!s) throw new Error(`搜索文本中没有 ${u}`);
      return s;
    });
    return { order, input: passInput(this.chars, this.used, order, this.charsPerPass) };
  }

  /** Writes the tables of the notices at `urls` (numbered in this order) through `write`. Deterministic. */
  write(
    urls: readonly string[],
    write: (path: string, data: Uint8Array | string) => void,
  ): SearchManifest {
    const { order, input } = this.ordered(urls);
    const out = new TableWriter(write, order.length);
    for (let pass = 0; pass < input.passes; pass++) out.addPass(collectPass(input, pass));
    return out.finish(order, this.chars);
  }

  /**
   * write() with the passes collected on worker threads (search-table-worker.ts), `threads` at a
   * time, and written here in pass order: the same files, byte for byte.
   */
  async writeInWorkers(
    urls: readonly string[],
    write: (path: string, data: Uint8Array | string) => void,
    threads: number,
  ): Promise<SearchManifest> {
    const { order, input } = this.ordered(urls);
    const out = new TableWriter(write, order.length);
    const { collectPassesInWorkers } = await import('./search-table-workers');
    await collectPassesInWorkers(input, threads, (r) => out.addPass(r));
    return out.finish(order, this.chars);
  }
}

/** What every pass reads: the characters and, per notice in table order, its parts (start, length, position base). */
export interface PassInput {
  chars: Uint16Array;
  /** Each notice's parts, one after another: start in `chars`, length, position base. */
  parts: Int32Array;
  /** Where notice d's parts are in `parts`: from starts[d] to starts[d + 1]. */
  starts: Int32Array;
  passes: number;
}

/**
 * Passes come in pairs, so that two threads share even a small site's tables evenly
 * (writeInWorkers); the output depends on the passes, never on the threads.
 */
const PASS_MULTIPLE = 2;

function passInput(
  chars: Uint16Array,
  used: number,
  order: readonly Slot[],
  charsPerPass: number,
): PassInput {
  let partCount = 0;
  let size = 0;
  for (const s of order) {
    partCount += s.parts.length;
    for (let k = 1; k < s.parts.length; k += 3) size += s.parts[k]!;
  }
  // Shared memory, so worker threads read the characters without a copy each.
  const shared = new Uint16Array(new SharedArrayBuffer(Math.max(2, used * 2)));
  shared.set(chars.subarray(0, used));
  const parts = new Int32Array(new SharedArrayBuffer(Math.max(4, partCount * 4)));
  const starts = new Int32Array(order.length + 1);
  let at = 0;
  order.forEach((s, d) => {
    starts[d] = at;
    parts.set(s.parts, at);
    at += s.parts.length;
  });
  starts[order.length] = at;
  return {
    chars: shared,
    parts,
    starts,
    passes: Math.max(1, Math.ceil(size / charsPerPass / PASS_MULTIPLE)) * PASS_MULTIPLE,
  };
}

/**
 * One pass's keys, in the order they are written, and their postings one after another in `blob`.
 * Plain typed arrays, so a worker thread hands them over without copying.
 */
export interface PassResult {
  /** The gram of 1–3 characters packed as a number (gramOf), or a 4-gram's first three. */
  grams: Float64Array;
  /** A 4-gram's last character; -1 for a key of 1–3 characters. */
  fourth: Int32Array;
  docs: Int32Array;
  occurrences: Int32Array;
  /** Per key three byte lengths in `blob`: a notice list (then 0, 0), or a 4-gram's list, block table, blocks. */
  sizes: Int32Array;
  blob: Uint8Array;
}

/** Whose grams pass `pass` of `passes` collects: those starting with a character hashed to it. */
function passOfChars(passes: number): Uint8Array {
  const passOf = new Uint8Array(65536);
  for (let c = 0; c < 65536; c++) passOf[c] = (Math.imul(c, 0x9e3779b1) >>> 0) % passes;
  return passOf;
}

/** Every key of 1–4 characters whose first character belongs to `pass`, with its postings. */
export function collectPass(input: PassInput, pass: number): PassResult {
  const { chars, parts, starts } = input;
  const total = starts.length - 1;
  const passOf = passOfChars(input.passes);
  const short = new NumberTable(1 << 16);
  const shortLast = new IntList();
  const pairs = new IntList(1 << 16);
  const long = new NumberTable(1 << 16);
  const triples = new IntList(1 << 16);
  const mark = (id: number, d: number) => {
    if (id === shortLast.length) shortLast.push(d);
    else if (shortLast.data[id] === d) return;
    else shortLast.data[id] = d;
    pairs.push(id);
    pairs.push(d);
  };
  for (let d = 0; d < total; d++) {
    for (let k = starts[d]!; k < starts[d + 1]!; k += 3) {
      const start = parts[k]!;
      const len = parts[k + 1]!;
      const base = parts[k + 2]!;
      for (let i = 0; i < len; i++) {
        const c1 = chars[start + i]!;
        if (passOf[c1] !== pass) continue;
        mark(short.intern(c1), d);
        if (i + 1 >= len) continue;
        const k2 = c1 * 65536 + chars[start + i + 1]!;
        mark(short.intern(k2), d);
        if (i + 2 >= len) continue;
        const id3 = short.intern(k2 * 65536 + chars[start + i + 2]!);
        mark(id3, d);
        if (i + 3 >= len) continue;
        triples.push(long.intern(id3 * 65536 + chars[start + i + 3]!));
        triples.push(d);
        triples.push(base + i);
      }
    }
  }
  const keys = short.size + long.size;
  const out: PassResult = {
    grams: new Float64Array(keys),
    fourth: new Int32Array(keys),
    docs: new Int32Array(keys),
    occurrences: new Int32Array(keys),
    sizes: new Int32Array(keys * 3),
    blob: new Uint8Array(0),
  };
  const blob = new ByteList();
  // Notice lists of 1–3 characters, grouped by key (a stable counting sort keeps notices ascending).
  const grouped = groupBy(pairs, 2, short.size);
  for (let id = 0; id < short.size; id++) {
    const docs = grouped.column(1, id);
    const list = encodeDocList(docs, total);
    out.grams[id] = short.byId[id]!;
    out.fourth[id] = -1;
    out.docs[id] = out.occurrences[id] = docs.length;
    out.sizes[id * 3] = list.length;
    blob.append(list);
  }
  // 4 characters: notices and positions.
  const byLong = groupBy(triples, 3, long.size);
  for (let id = 0; id < long.size; id++) {
    const docsCol = byLong.column(1, id);
    const posCol = byLong.column(2, id);
    const docs: number[] = [];
    const perDoc: Int32Array[] = [];
    for (let i = 0; i < docsCol.length;) {
      let j = i;
      while (j < docsCol.length && docsCol[j] === docsCol[i]) j++;
      docs.push(docsCol[i]!);
      perDoc.push(posCol.subarray(i, j));
      i = j;
    }
    const key = long.byId[id]!;
    const at = short.size + id;
    out.grams[at] = short.byId[Math.floor(key / 65536)]!;
    out.fourth[at] = key % 65536;
    out.docs[at] = docs.length;
    out.occurrences[at] = posCol.length;
    const docList = encodeDocList(docs, total);
    const { table, blocks } = encodePositionBlocks(perDoc, BLOCK);
    out.sizes.set([docList.length, table.length, blocks.length], at * 3);
    blob.append(docList);
    blob.append(table);
    blob.append(blocks);
  }
  out.blob = blob.bytes();
  return out;
}

/** Bytes appended one array after another. */
class ByteList {
  private data = new Uint8Array(1 << 16);
  private length = 0;
  append(bytes: Uint8Array): void {
    if (this.length + bytes.length > this.data.length) {
      let size = this.data.length * 2;
      while (size < this.length + bytes.length) size *= 2;
      const next = new Uint8Array(size);
      next.set(this.data.subarray(0, this.length));
      this.data = next;
    }
    this.data.set(bytes, this.length);
    this.length += bytes.length;
  }
  bytes(): Uint8Array {
    return this.data.slice(0, this.length);
  }
}

/** The tables' files from the passes' keys (in pass order), then the headings, filters and docs pages. */
class TableWriter {
  private readonly pack: PackWriter;
  private readonly lines: Array<[string, string]> = [];
  constructor(
    private readonly write: (path: string, data: Uint8Array | string) => void,
    private readonly total: number,
  ) {
    this.pack = new PackWriter(write);
  }

  private emit(key: string, docs: number, occurrences: number, ref: PostingRef): void {
    this.lines.push([key, formatKeyLine({ key, docs, occurrences, ref } satisfies KeyEntry)]);
  }

  private listRef(bytes: Uint8Array): PostingRef {
    return bytes.length <= INLINE_MAX
      ? { kind: 'inline', bytes }
      : { kind: 'pack', ...this.pack.append(bytes), length: bytes.length };
  }

  addPass(r: PassResult): void {
    let at = 0;
    const take = (n: number) => r.blob.subarray(at, (at += n));
    for (let k = 0; k < r.grams.length; k++) {
      const gram = gramOf(r.grams[k]!);
      const [a, b, c] = [r.sizes[k * 3]!, r.sizes[k * 3 + 1]!, r.sizes[k * 3 + 2]!];
      if (r.fourth[k]! < 0) {
        this.emit(`g${gram}`, r.docs[k]!, r.occurrences[k]!, this.listRef(take(a)));
        continue;
      }
      const docList = take(a);
      const table = take(b);
      const blocks = take(c);
      const where = this.pack.append(docList, table, blocks);
      this.emit(`p${gram}${String.fromCharCode(r.fourth[k]!)}`, r.docs[k]!, r.occurrences[k]!, {
        kind: 'positions',
        ...where,
        docsLength: a,
        tableLength: b,
        blocksLength: c,
      });
    }
  }

  finish(order: readonly Slot[], chars: Uint16Array): SearchManifest {
    const { total, write, lines } = this;
    // The title and identifiers (a notice holding a text there ranks before one holding it in its body only), and the filters.
    const headings = new Map<string, number[]>();
    const filters = new Map<string, number[]>();
    const add = (into: Map<string, number[]>, key: string, d: number) => {
      const list = into.get(key);
      if (!list) into.set(key, [d]);
      else if (list[list.length - 1] !== d) list.push(d);
    };
    order.forEach((slot, d) => {
      const p = slot.parts;
      for (let k = 0; k < p.length; k += 3) {
        if (p[k + 2]! >= BODY_BASE) continue;
        const text = String.fromCharCode(...chars.subarray(p[k]!, p[k]! + p[k + 1]!));
        for (let i = 0; i < text.length; i++)
          for (let n = 1; n <= GRAM && i + n <= text.length; n++)
            add(headings, titleKey(text.slice(i, i + n)), d);
      }
      for (const [name, value] of Object.entries(slot.filters))
        add(filters, filterKey(name, value), d);
    });
    for (const into of [headings, filters])
      for (const [key, list] of into)
        this.emit(key, list.length, list.length, this.listRef(encodeDocList(list, total)));
    const packs = this.pack.finish();

    const buckets = bucketCount(lines.reduce((n, [, l]) => n + l.length * 2, 0));
    const files: string[][] = Array.from({ length: buckets }, () => []);
    for (const [key, line] of lines) files[bucketOf(key, buckets)]!.push(line);
    files.forEach((l, k) => write(keyFile(k), sortedKeyFile(l)));
    for (let k = 0; k * DOCS_PER_PAGE < total; k++)
      write(
        docsFile(k),
        JSON.stringify(
          order.slice(k * DOCS_PER_PAGE, (k + 1) * DOCS_PER_PAGE).map((s) => s.fragment),
        ),
      );
    const manifest: SearchManifest = { version: 1, docs: total, buckets, packs };
    write(MANIFEST_FILE, JSON.stringify(manifest) + '\n');
    return manifest;
  }
}

/**
 * A notice's searchable text as the tables number it: its normalised title from 0, its fields from
 * FIELD_BASE (one unused position between two), its body from BODY_BASE (contract.ts).
 */
export function docParts(doc: SearchDoc, map: CharMap): Array<{ text: string; base: number }> {
  const parts = [{ text: normaliseText(doc.title, map).slice(0, PART_MAX), base: 0 }];
  let base = FIELD_BASE;
  // Metadata ends before the body's positions start (what does not fit is not searched).
  for (const f of doc.fields) {
    const text = normaliseText(f, map).slice(0, Math.min(PART_MAX, BODY_BASE - 1 - base));
    if (!text) continue;
    parts.push({ text, base });
    base += text.length + 1;
  }
  parts.push({ text: normaliseText(doc.body, map), base: BODY_BASE });
  return parts;
}

/**
 * Every key of the tables that names `doc`, each with the doc's positions (4-character keys) or
 * none: what SearchCorpus.write gives one notice, for a patch (search-table-patch.ts).
 */
export function docKeys(doc: SearchDoc, map: CharMap): Map<string, number[]> {
  const keys = new Map<string, number[]>();
  const add = (key: string) => {
    let list = keys.get(key);
    if (!list) keys.set(key, (list = []));
    return list;
  };
  for (const { text, base } of docParts(doc, map)) {
    for (let i = 0; i < text.length; i++) {
      for (let n = 1; n < GRAM && i + n <= text.length; n++) add(`g${text.slice(i, i + n)}`);
      if (i + GRAM <= text.length) add(`p${text.slice(i, i + GRAM)}`).push(base + i);
      if (base < BODY_BASE)
        for (let n = 1; n <= GRAM && i + n <= text.length; n++) add(titleKey(text.slice(i, i + n)));
    }
  }
  for (const [name, value] of Object.entries(doc.filters)) add(filterKey(name, value));
  return keys;
}

/** The search tables of `docs`, numbered in this order (tests, small sites). */
export function writeSearchTables(
  docs: readonly SearchDoc[],
  map: CharMap,
  write: (path: string, data: Uint8Array | string) => void,
  charsPerPass?: number,
): SearchManifest {
  const corpus = new SearchCorpus(map, charsPerPass);
  docs.forEach((d, i) => corpus.add(String(i), d));
  return corpus.write(
    docs.map((_, i) => String(i)),
    write,
  );
}

/** A key file's text: its lines sorted (by key: a tab sorts before any character of a key). */
export function sortedKeyFile(lines: string[]): string {
  return lines.sort().join('\n') + (lines.length ? '\n' : '');
}

/** 1–3 characters packed as a number (c1·65536² + c2·65536 + c3) back to text. */
function gramOf(key: number): string {
  const out: number[] = [];
  for (; key >= 65536; key = Math.floor(key / 65536)) out.unshift(key % 65536);
  out.unshift(key);
  return String.fromCharCode(...out);
}

/**
 * Rows of `width` integers (the first the group id), grouped by id in a stable counting sort;
 * column(c, id) is column c of the rows of group id.
 */
function groupBy(
  rows: IntList,
  width: number,
  groups: number,
): { column(c: number, id: number): Int32Array } {
  const n = rows.length / width;
  const starts = new Int32Array(groups + 1);
  for (let r = 0; r < n; r++) starts[rows.data[r * width]! + 1]!++;
  for (let g = 0; g < groups; g++) starts[g + 1]! += starts[g]!;
  const next = starts.slice(0, groups);
  const cols = Array.from({ length: width }, () => new Int32Array(n));
  for (let r = 0; r < n; r++) {
    const at = next[rows.data[r * width]!]!++;
    for (let c = 1; c < width; c++) cols[c]![at] = rows.data[r * width + c]!;
  }
  return { column: (c, id) => cols[c]!.subarray(starts[id]!, starts[id + 1]!) };
}

/** Postings appended to pack files of about PACK_BYTES, each written when full. */
export class PackWriter {
  private chunks: Uint8Array[] = [];
  private length = 0;
  /** `pack`: the number of the first pack written (a patch adds packs after the tables' own). */
  constructor(
    private readonly write: (path: string, data: Uint8Array) => void,
    private pack = 0,
  ) {}
  append(...chunks: Uint8Array[]): { pack: number; offset: number } {
    const size = chunks.reduce((s, c) => s + c.length, 0);
    if (this.length && this.length + size > PACK_BYTES) this.flush();
    const offset = this.length;
    this.chunks.push(...chunks);
    this.length += size;
    return { pack: this.pack, offset };
  }
  private flush(): void {
    const out = new Uint8Array(this.length);
    let o = 0;
    for (const c of this.chunks) {
      out.set(c, o);
      o += c.length;
    }
    this.write(packFile(this.pack++), out);
    this.chunks = [];
    this.length = 0;
  }
  /** Writes the last pack; returns how many there are (counting from 0). */
  finish(): number {
    if (this.length) this.flush();
    return this.pack;
  }
}
