import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { NoticeData } from '../model/notice-schema';
import { indexNoSlug } from '../model/index-no';
import type { Neighbours } from '../site/derive';
import { leadBlocks } from '../site/format';
import { treesFingerprint } from '../code-fingerprint';
import { NOTICES_DIR } from '../content/paths';
import { parseNotice } from '../content/frontmatter';
import { listFiles, MANIFEST_FILE } from './manifest';

/**
 * Incremental builds. What a page of the site depends on is known exactly, because the
 * partitioned build already proves it (build-partitioned.test.ts: byte-identical output):
 * - every page but the notice pages is rendered from each notice's checked data and lead only;
 * - a notice page is rendered from its own file and its neighbours (from the others' data).
 * So when the code, configuration and public/ are unchanged and no notice was added or removed,
 * a notice page is rendered again only if its file or its neighbours changed, and the other pages
 * (listings, feeds, open data …) only if some notice's data or lead changed: everything else in
 * dist/ is what a full build would write again.
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

/** A published notice's page as its search bundle holds it. */
export interface IndexedPage {
  bundle: string;
  /** SHA-256 of the page when it was indexed (or of a later page with the same search record). */
  page: string;
  /** Pagefind's id for the page in that bundle, once looked up. */
  id?: string;
}

/** What `npm run build` remembers of its last successful build (in .gongkai/last-build.json). */
export interface BuildState {
  version: 2;
  /** siteFingerprint() of the project the build ran on. */
  code: string;
  /** distFingerprint() of the dist/ it wrote: a dist/ changed since is not built upon. */
  dist: string;
  /** By file (relative to the project root). */
  notices: Record<string, NoticeDigest>;
  /** The search shards' bundle names, in order. */
  bundles: string[];
  /** By page file (notices/<slug>/index.html). */
  indexed: Record<string, IndexedPage>;
}

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * Each notice's digest. `sourceKey` is the check's key for the file's text (CheckedNotice): a
 * file is read, to work out its lead again, only when that key differs from the last build's.
 * (The key also covers the checking code; when that changes, so does the code fingerprint, and
 * the build is a full one anyway.) `file` is relative to `root`.
 */
export function noticeDigests(
  root: string,
  notices: ReadonlyArray<{ file: string; data: NoticeData; sourceKey?: string }>,
  last: BuildState | null,
  neighboursOf: (data: NoticeData) => Neighbours,
): Record<string, NoticeDigest> {
  const out: Record<string, NoticeDigest> = {};
  for (const { file, data, sourceKey } of notices) {
    const before = last?.notices[file];
    const source = sourceKey && before?.text === sourceKey ? null : readFileSync(join(root, file), 'utf8');
    const text = sourceKey ?? sha(source!);
    out[file] = {
      data: sha(JSON.stringify(data)),
      text,
      lead: source === null ? before!.lead : sha(leadBlocks(parseNotice(source).body)),
      page: data.draft ? null : indexNoSlug(data.indexNo),
      neighbours: sha(JSON.stringify(neighboursOf(data))),
    };
  }
  return out;
}

/**
 * `changed`: the notices whose pages are rendered again (their file or their neighbours changed);
 * `site`: whether the other pages are too (some notice's data or lead changed).
 */
export type BuildPlan = { kind: 'full'; reason: string } | { kind: 'incremental'; changed: string[]; site: boolean };

/**
 * Whether this build can reuse the last one, and which notices it must render again (their files).
 * The reason for a full build is said in Chinese: editors see it in the build log.
 */
export function planBuild(
  last: BuildState | null,
  now: { code: string; dist: string | null; notices: Record<string, NoticeDigest> },
): BuildPlan {
  if (!last) return { kind: 'full', reason: '没有上次构建的记录' };
  if (last.code !== now.code) return { kind: 'full', reason: '程序、站点配置或 public/ 有改动' };
  if (last.dist !== now.dist) return { kind: 'full', reason: 'dist/ 与上次构建写出的不同' };
  const before = Object.keys(last.notices);
  const after = Object.keys(now.notices);
  const added = after.filter((f) => !(f in last.notices));
  const removed = before.filter((f) => !(f in now.notices));
  if (added.length || removed.length) return { kind: 'full', reason: `新增或删除了公告（${[...added, ...removed].slice(0, 3).join('、')}）` };
  const changed: string[] = [];
  let site = false;
  for (const f of after) {
    const a = last.notices[f]!;
    const b = now.notices[f]!;
    // A page that moves, appears or disappears: the old one would have to be found and removed.
    if (a.page !== b.page) return { kind: 'full', reason: `${f} 的索引号或草稿状态有改动（页面地址随之改变）` };
    if (a.data !== b.data || a.lead !== b.lead) site = true;
    if (a.text !== b.text || a.neighbours !== b.neighbours) changed.push(f);
  }
  if (changed.length > MAX_CHANGED) return { kind: 'full', reason: `要重新生成的公告页面超过 ${MAX_CHANGED} 篇` };
  return { kind: 'incremental', changed, site };
}

/**
 * Everything a full build's output depends on besides the notices: the project's code, site
 * configuration, public/ files and dependencies, and the build's own code (`toolPaths`).
 */
export function siteFingerprint(root: string, toolPaths: readonly string[]): string {
  const notices = join(root, NOTICES_DIR);
  const paths = ['src', 'public', 'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json'].map((p) => join(root, p));
  return treesFingerprint([...paths, ...toolPaths], (p) => p === notices);
}

/**
 * A cheap fingerprint of a built folder: every file's path, size and modification time. Builds
 * write new files (a swap renames, which keeps both), so a file changed, added or removed by
 * hand since the last build changes it.
 */
export function distFingerprint(dir: string): string | null {
  if (!existsSync(dir)) return null;
  const hash = createHash('sha256');
  for (const f of [...listFiles(dir), MANIFEST_FILE]) {
    const s = existsSync(join(dir, f)) ? statSync(join(dir, f)) : null;
    hash.update(`${f}\u0000${s ? `${s.size}\u0000${s.mtimeMs}` : 'missing'}\u0000`);
  }
  return hash.digest('hex');
}

export function readState(file: string): BuildState | null {
  try {
    const s = JSON.parse(readFileSync(file, 'utf8')) as BuildState;
    return s.version === 2 ? s : null;
  } catch {
    return null;
  }
}
