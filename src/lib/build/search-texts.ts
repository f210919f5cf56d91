import {
  appendFileSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { buildCharPairs } from '../search/char-map';
import { parseCharMap, type CharMap } from '../search/fold';
import { SearchCorpus, type SearchDoc } from './search-tables';

/**
 * Each bundle's indexing process lists its records' texts in TEXTS_FILE inside the bundle (so the
 * search cache keeps them with it); the build reads every bundle's into a SearchCorpus, writes the
 * search tables (search-tables.ts) and removes the lists from what it publishes. A full build keeps
 * the whole set in `.gongkai/` (STORE_FILE, with STORE_INDEX_FILE saying where each notice's line
 * is); an incremental build keeps its delta bundle's texts (DELTA_TEXTS_FILE): the published tables
 * describe the store with those over it (search-table-update.ts). Files are read line by line: at
 * 100,000 notices the store is about 900 MB.
 */
export const TEXTS_FILE = 'gongkai-texts.jsonl';
export const STORE_FILE = 'search-texts.jsonl';
export const STORE_INDEX_FILE = 'search-texts.index.json';
export const DELTA_TEXTS_FILE = 'search-texts-delta.jsonl';

/** A record's text as the tables take it, with its notice's url. */
export type TableText = SearchDoc & { url: string };

export interface IndexedText {
  url: string;
  title: string;
  fields: string[];
  body: string;
  filters: Record<string, string>;
}

export interface BundleText extends IndexedText {
  /** The record's Pagefind fragment id (und_…), inside its bundle. */
  fragment: string;
}

export function writeTextsFile(bundleDir: string, texts: readonly BundleText[]): void {
  writeFileSync(join(bundleDir, TEXTS_FILE), texts.map((t) => JSON.stringify(t)).join('\n') + '\n');
}

/** Calls `onLine` with each line of a file, reading it in pieces (a file may exceed a string's size). */
function eachLine(file: string, onLine: (line: string) => void): void {
  const fd = openSync(file, 'r');
  const chunk = Buffer.alloc(8 * 1024 * 1024);
  let rest = Buffer.alloc(0);
  try {
    for (;;) {
      const n = readSync(fd, chunk, 0, chunk.length, null);
      const data = Buffer.concat([rest, chunk.subarray(0, n)]);
      let from = 0;
      for (let i = data.indexOf(10); i !== -1; i = data.indexOf(10, from)) {
        if (i > from) onLine(data.toString('utf8', from, i));
        from = i + 1;
      }
      rest = Buffer.from(data.subarray(from));
      if (n === 0) break;
    }
    if (rest.length) onLine(rest.toString('utf8'));
  } finally {
    closeSync(fd);
  }
}

/** The character map the search page folds with. */
export const searchCharMap = (): CharMap => parseCharMap(buildCharPairs());

export function newCorpus(): SearchCorpus {
  return new SearchCorpus(searchCharMap());
}

/** A bundle's texts (fragments as `bundle/id`, contract.ts fragmentUrl); the list is removed from the bundle. */
export function takeBundleTexts(siteDir: string, bundle: string): TableText[] {
  const file = join(siteDir, bundle, TEXTS_FILE);
  if (!existsSync(file)) throw new Error(`${bundle}/${TEXTS_FILE} 不存在`);
  const docs: TableText[] = [];
  eachLine(file, (line) => {
    const { fragment, ...rest } = JSON.parse(line) as BundleText;
    docs.push({ ...rest, fragment: `${bundle}/${fragment}` });
  });
  rmSync(file);
  return docs;
}

/**
 * The store a full build writes (committed by commitStore once the build is in place): every
 * record's text, one JSON line each, and where each notice's line is, so that an incremental
 * build reads only the lines it needs.
 */
export class StoreWriter {
  private readonly file: string;
  private size = 0;
  private readonly index: Record<string, [offset: number, length: number]> = {};
  constructor(private readonly work: string) {
    this.file = join(work, `${STORE_FILE}.next`);
    writeFileSync(this.file, '');
  }
  append(docs: readonly TableText[]): void {
    if (!docs.length) return;
    const lines = docs.map((d) => JSON.stringify(d));
    lines.forEach((line, i) => {
      const length = Buffer.byteLength(line);
      this.index[docs[i]!.url] = [this.size, length];
      this.size += length + 1;
    });
    appendFileSync(this.file, lines.join('\n') + '\n');
  }
  finish(): void {
    writeFileSync(join(this.work, `${STORE_INDEX_FILE}.next`), JSON.stringify(this.index));
  }
}

/** Puts a full build's store in place; its texts are what the tables describe (no delta). */
export function commitStore(work: string): void {
  for (const f of [STORE_FILE, STORE_INDEX_FILE]) {
    const next = join(work, `${f}.next`);
    if (existsSync(next)) renameSync(next, join(work, f));
  }
  rmSync(join(work, DELTA_TEXTS_FILE), { force: true });
}

/** The last full build's texts into `corpus`; false if there are none. */
export function readStore(work: string, corpus: SearchCorpus): boolean {
  const file = join(work, STORE_FILE);
  if (!existsSync(file)) return false;
  eachLine(file, (line) => {
    const doc = JSON.parse(line) as TableText;
    corpus.add(doc.url, doc);
  });
  return true;
}

/** The last full build's texts of `urls` only, by the store's index; null if there is none or it lacks one. */
export function readStoreTexts(
  work: string,
  urls: Iterable<string>,
): Map<string, TableText> | null {
  const indexFile = join(work, STORE_INDEX_FILE);
  if (!existsSync(indexFile) || !existsSync(join(work, STORE_FILE))) return null;
  const index = JSON.parse(readFileSync(indexFile, 'utf8')) as Record<string, [number, number]>;
  const out = new Map<string, TableText>();
  const fd = openSync(join(work, STORE_FILE), 'r');
  try {
    for (const url of urls) {
      const at = index[url];
      if (!at) return null;
      const buf = Buffer.alloc(at[1]);
      readSync(fd, buf, 0, at[1], at[0]);
      const doc = JSON.parse(buf.toString('utf8')) as TableText;
      if (doc.url !== url) return null;
      out.set(url, doc);
    }
  } finally {
    closeSync(fd);
  }
  return out;
}

/**
 * The texts the tables describe that are not the store's (an incremental build's delta bundle):
 * written beside the build, committed once it is in place, removed by a full build.
 */
export function writeDeltaTexts(work: string, docs: readonly TableText[]): void {
  writeFileSync(
    join(work, `${DELTA_TEXTS_FILE}.next`),
    docs.map((d) => JSON.stringify(d) + '\n').join(''),
  );
}
export function commitDeltaTexts(work: string): void {
  renameSync(join(work, `${DELTA_TEXTS_FILE}.next`), join(work, DELTA_TEXTS_FILE));
}
export function readDeltaTexts(work: string): Map<string, TableText> {
  const out = new Map<string, TableText>();
  const file = join(work, DELTA_TEXTS_FILE);
  if (existsSync(file))
    eachLine(file, (line) => {
      const doc = JSON.parse(line) as TableText;
      out.set(doc.url, doc);
    });
  return out;
}

/**
 * Characters above which the tables' passes are collected on worker threads: below it, starting
 * the threads (under tsx, ~0.5 s) costs more than they save.
 */
const THREADS_ABOVE_CHARS = 4_000_000;
/** Threads collecting the tables' passes: this machine kind has two cores. */
const TABLE_THREADS = 2;

/** The search tables of `urls` (published notices, newest first) into `siteDir`. Rejects if a notice has no text. */
export async function writeTablesFor(
  siteDir: string,
  urls: readonly string[],
  corpus: SearchCorpus,
): Promise<void> {
  if (corpus.size() > THREADS_ABOVE_CHARS)
    await corpus.writeInWorkers(urls, writeInto(siteDir), TABLE_THREADS);
  else corpus.write(urls, writeInto(siteDir));
}

/** A writer of files under `dir` (the search tables' paths are relative to the site folder). */
export function writeInto(dir: string): (path: string, data: Uint8Array | string) => void {
  return (path, data) => {
    const file = join(dir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, data);
  };
}
