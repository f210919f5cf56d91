import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildCharPairs } from '../search/char-map';
import { parseCharMap } from '../search/fold';
import { writeSearchTables, type SearchDoc } from './search-tables';

/**
 * Each bundle's indexing process lists its records' texts in TEXTS_FILE inside the bundle (so the
 * search cache keeps them with it); the build joins every bundle's into the search tables
 * (search-tables.ts) and removes the lists from what it publishes. A full build keeps the whole set
 * in `.gongkai/` (STORE_FILE): an incremental build lays the texts of its delta bundle over it (the
 * notices whose record is not their shard's), so the tables always describe the records published.
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

function readLines(file: string): Array<Record<string, unknown>> {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** A bundle's texts as SearchDocs by url (fragments as `bundle/id`, contract.ts fragmentUrl); the list is removed from the bundle. */
export function takeBundleTexts(siteDir: string, bundle: string, into: Map<string, SearchDoc & { url: string }>): void {
  const file = join(siteDir, bundle, TEXTS_FILE);
  if (!existsSync(file)) throw new Error(`${bundle}/${TEXTS_FILE} 不存在`);
  for (const t of readLines(file) as unknown as BundleText[]) {
    const { fragment, ...rest } = t;
    into.set(t.url, { ...rest, fragment: `${bundle}/${fragment}` });
  }
  rmSync(file);
}

export function readStore(work: string): Map<string, SearchDoc & { url: string }> | null {
  const file = join(work, STORE_FILE);
  if (!existsSync(file)) return null;
  return new Map((readLines(file) as unknown as Array<SearchDoc & { url: string }>).map((d) => [d.url, d]));
}

/** Writes the store beside its final name (`commitStore` renames it once the build is in place). */
export function writeStore(work: string, docs: ReadonlyArray<SearchDoc & { url: string }>): void {
  writeFileSync(join(work, `${STORE_FILE}.next`), docs.map((d) => JSON.stringify(d)).join('\n') + '\n');
}

export function commitStore(work: string): void {
  const next = join(work, `${STORE_FILE}.next`);
  if (existsSync(next)) renameSync(next, join(work, STORE_FILE));
}

/**
 * The search tables of `urls` (published notices, newest first) into `siteDir`, from `texts`.
 * Throws if a notice has no text (the caller then builds in full).
 */
export function writeTablesFor(siteDir: string, urls: readonly string[], texts: ReadonlyMap<string, SearchDoc & { url: string }>): Array<SearchDoc & { url: string }> {
  const docs = urls.map((u) => {
    const d = texts.get(u);
    if (!d) throw new Error(`搜索文本中没有 ${u}`);
    return d;
  });
  const map = parseCharMap(buildCharPairs());
  writeSearchTables(docs, map, (path, data) => {
    const file = join(siteDir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, data);
  });
  return docs;
}
