import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { bundleName } from './shards';

/**
 * An incremental build does not index a 5,000-notice shard again for one changed notice (about
 * 25 s): the changed notices go into a small extra bundle, and the search page hides their old
 * records, by Pagefind id, in the shards that still hold them (`superseded` in bundles.json).
 */
export const DELTA_BUNDLE = bundleName('delta');

/** More than this many notices in the delta bundle: the shards are indexed again (a full build). */
export const MAX_DELTA = 500;

/** What the search page reads from /search/bundles.json. */
export interface BundleList {
  bundles: string[];
  /** Pagefind ids of records that a later bundle replaces (the search tables name the new ones). */
  superseded: string[];
}

/** Where the list is published, relative to the site folder. */
export const BUNDLES_FILE = 'search/bundles.json';

/** Writes the list of bundles (site-relative folder names, in search order) and the superseded ids: the one writer for full and incremental builds. */
export function writeBundleList(
  siteDir: string,
  bundles: readonly string[],
  superseded: readonly string[] = [],
): void {
  const list: BundleList = { bundles: bundles.map((b) => `/${b}/`), superseded: [...superseded] };
  mkdirSync(join(siteDir, 'search'), { recursive: true });
  writeFileSync(join(siteDir, BUNDLES_FILE), JSON.stringify(list) + '\n');
}

/** What a failed Pagefind indexing process said, without Rust's backtrace. */
export function pagefindFailure(stderr: string): string {
  return stderr.split('\nstack backtrace')[0]!.trim();
}

const FRAGMENT = '.pf_fragment';
/** Pagefind 1.x prefixes each decompressed file with this signature. */
const SIGNATURE = 'pagefind_dcd';

/** The ids (fragment names) of every record in a bundle. */
export function bundleIds(bundleDir: string): string[] {
  const dir = join(bundleDir, 'fragment');
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith(FRAGMENT))
        .map((f) => f.slice(0, -FRAGMENT.length))
    : [];
}

/** A record's fragment as Pagefind wrote it: its page's url, its text (as indexed) and meta. */
export interface Fragment {
  url: string;
  content: string;
  meta: Record<string, string>;
}

export function readFragment(bundleDir: string, id: string): Fragment {
  const text = gunzipSync(readFileSync(join(bundleDir, 'fragment', id + FRAGMENT))).toString(
    'utf8',
  );
  if (!text.startsWith(SIGNATURE))
    throw new Error(`${bundleDir}: ${id}${FRAGMENT} is not a Pagefind 1.x fragment`);
  return JSON.parse(text.slice(SIGNATURE.length)) as Fragment;
}

/**
 * Pagefind's id for each of `urls` in a bundle, read from its fragments (each holds its page's url).
 * Throws if a url is not in the bundle: the caller then builds in full.
 */
export function idsOfUrls(bundleDir: string, urls: readonly string[]): Map<string, string> {
  const wanted = new Set(urls);
  const found = new Map<string, string>();
  for (const id of bundleIds(bundleDir)) {
    if (found.size === wanted.size) break;
    const { url } = readFragment(bundleDir, id);
    if (wanted.has(url)) found.set(url, id);
  }
  const missing = urls.filter((u) => !found.has(u));
  if (missing.length)
    throw new Error(`${bundleDir}: no record for ${missing.slice(0, 3).join(', ')}`);
  return found;
}

/**
 * Superseded ids must name only the old records: an id that also names a record in another
 * bundle (Pagefind's ids are short hashes, unique within a bundle only) would hide that record too.
 */
export function clashingIds(
  superseded: ReadonlyMap<string, string>,
  bundles: ReadonlyMap<string, readonly string[]>,
): string[] {
  const clashes: string[] = [];
  for (const [bundle, ids] of bundles)
    for (const id of ids) if (superseded.has(id) && superseded.get(id) !== bundle) clashes.push(id);
  return clashes;
}
