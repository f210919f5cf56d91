/**
 * What the build publishes for search and the search page reads: one contract, shared by
 * src/lib/build/search-tables.ts (Node) and the page (browser). Nothing here imports Node.
 *
 * Every published notice has a number, its place in "newest first" order (发文日期 descending, then
 * 索引号). Each notice's searchable text — its title, 索引号, 文号 and body, each normalised
 * (normalize.ts) — is one stream of positions: the title from 0, 索引号 and 文号 from FIELD_BASE,
 * the body from BODY_BASE, one unused position between parts so no text is found across two of
 * them. A match before BODY_BASE is in the notice's title or identifiers.
 *
 * Tables, in hash buckets of keys (/search/keys/<k>.txt, one line per key: key, notices, occurrences,
 * where its postings are):
 * - `g` + 1–3 characters: the notices whose text holds them (exact);
 * - `p` + 4 characters: the notices holding them and, per notice, every position (in blocks of
 *   BLOCK notices, so a search can read only the blocks of the notices it still considers);
 * - `t` + 1–4 characters: the notices whose title, 索引号 or 文号 holds them;
 * - `f` + filter name + `=` + value: the notices a filter keeps.
 * Postings live in /search/pack/<n>.bin, read with HTTP range requests, or inline when small.
 * /search/docs/<k>.json: for notices k·DOCS_PER_PAGE…, where each one's Pagefind record is
 * (`bundle/fragment id`; fragmentUrl).
 */
export const SEARCH_DIR = 'search';
export const MANIFEST_FILE = `${SEARCH_DIR}/index.json`;
export const GRAM = 4;
export const FIELD_BASE = 1024;
export const BODY_BASE = 4096;
/** Titles and fields are indexed up to this many normalised characters (each part ends before the next base). */
export const PART_MAX = 1000;
export const BLOCK = 16;
export const DOCS_PER_PAGE = 16;
/** Postings up to this many bytes are written inline in the key's line. */
export const INLINE_MAX = 48;

/** The filters the search page offers (their option values come from the notices). */
export const FILTERS = ['组配分类', '发布机构', '年份', '有效性'] as const;
export type FilterName = (typeof FILTERS)[number];

export interface SearchManifest {
  version: 1;
  /** Published notices (numbers 0…docs-1). */
  docs: number;
  /** Key bucket files. */
  buckets: number;
  packs: number;
}

export const keyFile = (k: number) => `${SEARCH_DIR}/keys/${k}.txt`;
export const packFile = (n: number) => `${SEARCH_DIR}/pack/${n}.bin`;
export const docsFile = (k: number) => `${SEARCH_DIR}/docs/${k}.json`;

export const gramKey = (gram: string) => (gram.length >= GRAM ? `p${gram}` : `g${gram}`);
export const titleKey = (gram: string) => `t${gram}`;
export const filterKey = (name: string, value: string) => `f${name}=${value}`;

/** The bucket of a key: FNV-1a over its UTF-16 code units (the build and the browser compute the same). */
export function bucketOf(key: string, buckets: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return (h >>> 0) % buckets;
}

/** Bytes per key file the build aims for: a query reads one per text it looks up. */
export const BUCKET_BYTES = 2500;

/** How many key files a table of `bytes` (its lines' size) gets. */
export function bucketCount(bytes: number): number {
  return Math.max(1, Math.ceil(bytes / BUCKET_BYTES));
}

/** Where a key's postings are. */
export type PostingRef =
  | { kind: 'inline'; bytes: Uint8Array }
  | { kind: 'pack'; pack: number; offset: number; length: number }
  /** A 4-gram: its notice list, its block table and its position blocks, one after another. */
  | {
      kind: 'positions';
      pack: number;
      offset: number;
      docsLength: number;
      tableLength: number;
      blocksLength: number;
    };

export interface KeyEntry {
  key: string;
  /** Notices holding the key. */
  docs: number;
  /** Occurrences (4-grams), else the notice count. */
  occurrences: number;
  ref: PostingRef;
}

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}
function fromBase64(text: string): Uint8Array {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

export function formatKeyLine(e: KeyEntry): string {
  const r = e.ref;
  const ref =
    r.kind === 'inline'
      ? `=${toBase64(r.bytes)}`
      : r.kind === 'pack'
        ? `${r.pack}:${r.offset}:${r.length}`
        : `${r.pack}:${r.offset}:${r.docsLength}:${r.tableLength}:${r.blocksLength}`;
  return `${e.key}\t${e.docs}\t${e.occurrences}\t${ref}`;
}

export function parseKeyFile(text: string): Map<string, KeyEntry> {
  const out = new Map<string, KeyEntry>();
  for (const line of text.split('\n')) {
    if (!line) continue;
    const [key, docs, occurrences, ref] = line.split('\t') as [string, string, string, string];
    let parsed: PostingRef;
    if (ref.startsWith('=')) parsed = { kind: 'inline', bytes: fromBase64(ref.slice(1)) };
    else {
      const n = ref.split(':').map(Number);
      parsed =
        n.length === 3
          ? { kind: 'pack', pack: n[0]!, offset: n[1]!, length: n[2]! }
          : {
              kind: 'positions',
              pack: n[0]!,
              offset: n[1]!,
              docsLength: n[2]!,
              tableLength: n[3]!,
              blocksLength: n[4]!,
            };
    }
    out.set(key, { key, docs: Number(docs), occurrences: Number(occurrences), ref: parsed });
  }
  return out;
}

/** The URL of a record named `bundle/id` in a docs page. */
export function fragmentUrl(record: string): string {
  const slash = record.lastIndexOf('/');
  return `/${record.slice(0, slash)}/fragment/${record.slice(slash + 1)}.pf_fragment`;
}
