import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { workerAnswer } from '../worker-answer';
import type { NoticeData } from '../model/notice-schema';
import { indexNoSlug } from '../model/index-no';
import type { Neighbours } from '../site/derive';
import { treesFingerprint } from '../code-fingerprint';
import { NOTICES_DIR } from '../content/paths';
import type { TablesState } from './search-table-update';
import type { DistListing } from './dist-listing';
import { contentDigests, type ContentDigests } from '../content/notice-digests';

/**
 * Incremental builds. What a page of the site depends on is known exactly, because the
 * partitioned build already proves it (build-partitioned.test.ts: byte-identical output):
 * - every page but the notice pages is rendered from each notice's checked data and lead only;
 * - a notice page is rendered from its own file and its neighbours (from the others' data).
 * So when the code, configuration and public/ are unchanged, a notice page is rendered again only
 * if it is new or its file or its neighbours changed, and the other pages (listings, feeds, open
 * data …) only if a notice was added or removed or some notice's data or lead changed; pages no
 * longer published are removed. Everything else in dist/ is what a full build would write again.
 */
export const STATE_FILE = 'last-build.json';

/** More changed notices than this: a full build (the incremental path is for a few edits: one Astro process, a small delta bundle). */
export const MAX_CHANGED = 200;

export interface NoticeDigest {
  /** SHA-256 of the checked data; the check's key for the file's text (or its SHA-256); SHA-256 of its body's lead. */
  data: string;
  text: string;
  lead: string;
  /** Its page (the slug of its 索引号), or null for a draft, which has none. */
  page: string | null;
  /** SHA-256 of its neighbours (上一篇 / 下一篇): all its page takes from other notices. */
  neighbours: string;
}

/**
 * A published notice's page as the search index holds it: in a shard (since the last full build),
 * or only in the delta bundle (published since). A page no longer published keeps its entry, with
 * `gone`, so its shard's record stays hidden.
 */
export interface IndexedPage {
  bundle: string;
  gone?: boolean;
  /** SHA-256 of the page when it was indexed (or of a later page with the same search record). */
  page: string;
  /** Pagefind's id for the page in that bundle, once looked up. */
  id?: string;
}

/** What `npm run build` remembers of its last successful build (in .gongkai/last-build.json). */
export interface BuildState {
  version: 4;
  /** siteFingerprint() of the project the build ran on. */
  code: string;
  /** distFingerprint() of the dist/ it wrote: a dist/ changed since is not built upon. */
  dist: string;
  /** By file (relative to the project root). */
  notices: Record<string, NoticeDigest>;
  /** listingFingerprints() of the site (listing-fingerprints.ts): listings unchanged since are not rendered again. */
  listings: Record<string, string>;
  /** The search shards' bundle names, in order. */
  bundles: string[];
  /** By page file (notices/<slug>/index.html). */
  indexed: Record<string, IndexedPage>;
  /** The published search tables (search-table-update.ts). */
  tables: TablesState;
}

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * Each notice's digest, from what the check already has (it read every file): its key for the
 * file's text (CheckedNotice.sourceKey, which also covers the checking code) and the body's lead.
 */
export function noticeDigests(
  notices: ReadonlyArray<{
    file: string;
    data: NoticeData;
    sourceKey: string;
    lead: string;
    /** contentDigests() of data and lead, when the check has them. */
    digests?: ContentDigests;
  }>,
  neighboursOf: (data: NoticeData) => Neighbours,
): Record<string, NoticeDigest> {
  const out: Record<string, NoticeDigest> = {};
  for (const { file, data, sourceKey, lead, digests } of notices) {
    const content = digests ?? contentDigests(data, lead);
    out[file] = {
      data: content.data,
      text: sourceKey,
      lead: content.lead,
      page: data.draft ? null : indexNoSlug(data.indexNo),
      neighbours: sha(JSON.stringify(neighboursOf(data))),
    };
  }
  return out;
}

/**
 * `changed`: the notices whose pages are rendered again (new, or their file or their neighbours
 * changed); `site`: whether the other pages are too (a notice added or removed, or some notice's
 * data or lead changed); `gone`: pages (slugs) no longer published (a notice removed, made a draft
 * or given another 索引号).
 */
export type BuildPlan =
  | { kind: 'full'; reason: string }
  | { kind: 'incremental'; changed: string[]; site: boolean; gone: string[] };

/**
 * Whether this build can reuse the last one, and which notices it must render again (their files).
 * The reason for a full build is said in Chinese: editors see it in the build log.
 */
export function planBuild(
  last: BuildState | null,
  // dist/'s fingerprint is asked for only when the rest allows reuse: at 100,000 notices it is a stat of 260,000 files.
  now: { code: string; dist: () => string | null; notices: Record<string, NoticeDigest> },
): BuildPlan {
  if (!last) return { kind: 'full', reason: '没有上次构建的记录' };
  if (last.code !== now.code) return { kind: 'full', reason: '程序、站点配置或 public/ 有改动' };
  if (last.dist !== now.dist()) return { kind: 'full', reason: 'dist/ 与上次构建写出的不同' };
  const changed: string[] = [];
  const gone = new Set<string>();
  let site = false;
  for (const [f, b] of Object.entries(now.notices)) {
    const a = last.notices[f];
    if (!a || a.data !== b.data || a.lead !== b.lead) site = true;
    if (a?.page && a.page !== b.page) gone.add(a.page);
    if (
      !a ||
      a.text !== b.text ||
      a.data !== b.data ||
      a.page !== b.page ||
      a.neighbours !== b.neighbours
    )
      changed.push(f);
  }
  for (const [f, a] of Object.entries(last.notices)) {
    if (f in now.notices) continue;
    site = true;
    if (a.page) gone.add(a.page);
  }
  // A page both given up and (by another file) published again is simply rendered again.
  for (const f of changed) gone.delete(now.notices[f]!.page!);
  if (changed.length + gone.size > MAX_CHANGED)
    return { kind: 'full', reason: `要重新生成或删除的公告页面超过 ${MAX_CHANGED} 篇` };
  return { kind: 'incremental', changed, site, gone: [...gone].sort() };
}

/**
 * Everything a full build's output depends on besides the notices: the project's code, site
 * configuration, public/ files and dependencies, and the build's own code (`toolPaths`).
 */
export function siteFingerprint(root: string, toolPaths: readonly string[]): string {
  const notices = join(root, NOTICES_DIR);
  const paths = [
    'src',
    'public',
    'astro.config.mjs',
    'package.json',
    'package-lock.json',
    'tsconfig.json',
  ].map((p) => join(root, p));
  return treesFingerprint([...paths, ...toolPaths], (p) => p === notices);
}

/**
 * A cheap fingerprint of a built folder: every file's path, size and modification time. Builds
 * write new files (a swap renames, which keeps both), so a file changed, added or removed by
 * hand since the last build changes it. Null when there is no folder.
 */
export function distFingerprint(dir: string): string | null {
  return existsSync(dir) ? fingerprintOf(snapshotDist(dir)) : null;
}

/** Each file of a built folder (relative path, sorted within each folder) with its size and modification time. */
export type DistSnapshot = Map<string, string>;

/** A file's entry in a DistSnapshot: its size and modification time. */
export function statEntry(s: { size: number; mtimeMs: number }): string {
  return `${s.size}\u0000${s.mtimeMs}`;
}

/**
 * `dirs`, when given, also gets each folder's modification time (dist-listing.ts), keyed by its
 * relative path ('' for the folder itself).
 */
export function snapshotDist(dir: string, under = '', dirs?: Map<string, number>): DistSnapshot {
  const out: DistSnapshot = new Map();
  // One stat per file, paths built by concatenation: at 100,000 notices the folder holds 360,000 files.
  const walk = (abs: string, rel: string) => {
    if (dirs) dirs.set(rel.slice(0, -1), statSync(abs).mtimeMs);
    const entries = readdirSync(abs, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    );
    for (const e of entries) {
      if (e.isDirectory()) walk(`${abs}/${e.name}`, `${rel}${e.name}/`);
      else if (e.isFile()) {
        const s = statSync(`${abs}/${e.name}`, { throwIfNoEntry: false });
        if (s) out.set(`${rel}${e.name}`, statEntry(s));
      }
    }
  };
  const start = under ? join(dir, under) : dir;
  const s = statSync(start, { throwIfNoEntry: false });
  if (s?.isDirectory()) walk(start, under ? `${under}/` : '');
  else if (s?.isFile()) out.set(under, statEntry(s));
  return out;
}

/**
 * The snapshot after an incremental build replaced `paths` (files or folders, relative): their
 * old entries go, what is there now is read. Only those paths are read again, not the whole folder.
 */
export function updateSnapshot(
  snapshot: DistSnapshot,
  dir: string,
  paths: readonly string[],
  /** The folders' times (dist-listing.ts), updated too: those under `paths` and above them. */
  dirs?: Map<string, number>,
): DistSnapshot {
  const tops = new Set(paths);
  const under = (f: string) => {
    let top = f;
    for (let at = f.length; at > 0 && !tops.has(top); at = f.lastIndexOf('/', at - 1))
      top = f.slice(0, at);
    return tops.has(top);
  };
  for (const f of [...snapshot.keys()]) if (under(f)) snapshot.delete(f);
  if (dirs) for (const d of [...dirs.keys()]) if (d && under(d)) dirs.delete(d);
  for (const p of tops) for (const [f, e] of snapshotDist(dir, p, dirs)) snapshot.set(f, e);
  if (dirs)
    for (const p of tops)
      for (let at = p.lastIndexOf('/'); ; at = p.lastIndexOf('/', at - 1)) {
        const parent = at > 0 ? p.slice(0, at) : '';
        const s = statSync(parent ? join(dir, parent) : dir, { throwIfNoEntry: false });
        if (s?.isDirectory()) dirs.set(parent, s.mtimeMs);
        if (at <= 0) break;
      }
  return snapshot;
}

/**
 * dist/'s listing (dist-listing.ts) and its files' fingerprint on a worker thread, so the build
 * can check the notices meanwhile (under tsx only, as the worker is a TypeScript module: the build CLI).
 */
export function snapshotDistInWorker(
  dir: string,
  work: string,
): Promise<{ listing: DistListing; fingerprint: string }> {
  return workerAnswer(new URL('./dist-snapshot-worker.ts', import.meta.url), { dir, work });
}

export function fingerprintOf(snapshot: DistSnapshot): string {
  const hash = createHash('sha256');
  for (const f of [...snapshot.keys()].sort()) hash.update(`${f}\u0000${snapshot.get(f)}\u0000`);
  return hash.digest('hex');
}

export function readState(file: string): BuildState | null {
  try {
    const s = JSON.parse(readFileSync(file, 'utf8')) as BuildState;
    return s.version === 4 ? s : null;
  } catch {
    return null;
  }
}
