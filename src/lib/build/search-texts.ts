import {
  appendFileSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { buildCharPairs } from '../search/char-map';
import { parseCharMap } from '../search/fold';
import { SearchCorpus, type SearchDoc } from './search-tables';

/**
 * Each bundle's indexing process lists its records' texts in TEXTS_FILE inside the bundle (so the
 * search cache keeps them with it); the build reads every bundle's into a SearchCorpus, writes the
 * search tables (search-tables.ts) and removes the lists from what it publishes. A full build keeps
 * the whole set in `.gongkai/` (STORE_FILE): an incremental build lays the texts of its delta bundle
 * over it (the notices whose record is not their shard's), so the tables always describe the
 * records published. Files are read line by line: at 100,000 notices the set is about 1 GB.
 */
export const TEXTS_FILE = 'gongkai-texts.jsonl';
export const STORE_FILE = 'search-texts.jsonl';

export interface IndexedText {
  url: string;
  title: string;
  fields: string[];
  body: string;
  filters: Record<string, string>;
}

export interface BundleText extends IndexedText {
  /** The record's Pagefind fragment id (zh_…), inside its bundle. */
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

export function newCorpus(): SearchCorpus {
  return new SearchCorpus(parseCharMap(buildCharPairs()));
}

/**
 * A bundle's texts into `corpus` (fragments as `bundle/id`, contract.ts fragmentUrl), and into the
 * store being written when `store` is given; the list is removed from the bundle.
 */
export function takeBundleTexts(
  siteDir: string,
  bundle: string,
  corpus: SearchCorpus,
  store?: string,
): void {
  const file = join(siteDir, bundle, TEXTS_FILE);
  if (!existsSync(file)) throw new Error(`${bundle}/${TEXTS_FILE} 不存在`);
  const lines: string[] = [];
  eachLine(file, (line) => {
    const { fragment, ...rest } = JSON.parse(line) as BundleText;
    const doc: SearchDoc & { url: string } = { ...rest, fragment: `${bundle}/${fragment}` };
    corpus.add(doc.url, doc);
    if (store) lines.push(JSON.stringify(doc));
  });
  if (store) appendFileSync(store, lines.join('\n') + '\n');
  rmSync(file);
}

/** The store being written by a full build (committed by commitStore once the build is in place). */
export function startStore(work: string): string {
  const next = join(work, `${STORE_FILE}.next`);
  writeFileSync(next, '');
  return next;
}

export function commitStore(work: string): void {
  const next = join(work, `${STORE_FILE}.next`);
  if (existsSync(next)) renameSync(next, join(work, STORE_FILE));
}

/** The last full build's texts into `corpus`; false if there are none. */
export function readStore(work: string, corpus: SearchCorpus): boolean {
  const file = join(work, STORE_FILE);
  if (!existsSync(file)) return false;
  eachLine(file, (line) => {
    const doc = JSON.parse(line) as SearchDoc & { url: string };
    corpus.add(doc.url, doc);
  });
  return true;
}

/** The search tables of `urls` (published notices, newest first) into `siteDir`. Throws if a notice has no text. */
export function writeTablesFor(
  siteDir: string,
  urls: readonly string[],
  corpus: SearchCorpus,
): void {
  corpus.write(urls, (path, data) => {
    const file = join(siteDir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, data);
  });
}
