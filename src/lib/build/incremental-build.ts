import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import type { CheckedNotice } from '../content/validate-notice';
import type { SiteConfig } from '../model/site-config';
import type { NoticeRecordSpec } from '../search/records';
import { NOTICES_DIR } from '../content/paths';
import { planPart } from './partitions';
import { changedListings } from './listing-fingerprints';
import { mergePart } from './merge-parts';
import {
  buildManifest,
  hashFiles,
  listFiles,
  MANIFEST_FILE,
  serialiseManifest,
  type Manifest,
} from './manifest';
import { describeBrokenLink, findBrokenLinks, resolvesInSite } from './link-check';
import type { BuildState, IndexedPage, NoticeDigest } from './incremental';
import { articleText, noticeRecordSpec } from '../search/records';
import {
  bundleIds,
  BUNDLES_FILE,
  clashingIds,
  DELTA_BUNDLE,
  idsOfUrls,
  MAX_DELTA,
  pagefindFailure,
  writeBundleList,
} from './search-bundles';
import { replacePaths, sharedAssets } from './publish';
import { takeBundleTexts, writeDeltaTexts } from './search-texts';
import { updateSearchTables, type TablesState } from './search-table-update';
import type { NoticeData } from '../model/notice-schema';
import type { Neighbours } from '../site/derive';
import { CHILDREN, runTsChild } from './child-process';
import { FullBuildNeeded } from './errors';
import { NOTICE_FOLDERS, noticeFolders, pageFile, paths } from '../site/routes';
import { inBundle } from './shards';
import { docsFile, keyFile, MANIFEST_FILE as SEARCH_MANIFEST, packFile } from '../search/contract';
import { runAstroRole, siteMetadata } from './astro-in-parts';
import { siteRoleFile, writeSiteRole } from './build-role';

/**
 * An incremental build (see src/lib/build/incremental.ts). Everything new is prepared outside
 * dist/: the site pages that changed (one "site" Astro process, when metadata changed or notices
 * were added or removed), the changed notices' pages (one "notices" process), their search records
 * (the delta bundle), bundles.json and the integrity manifest. Only then are those few paths swapped into dist/ by
 * renames (put back if one fails). Copying the other 30,000 files of a 10,000-notice site, even
 * as hard links, took 6.6 s of a 15 s rebuild.
 * Throws FullBuildNeeded when the last build's output does not allow it (dist/ untouched), any
 * other error when the build itself fails (dist/ untouched). Returns the search state for the next build.
 */
export async function incrementalBuild(o: {
  root: string;
  work: string;
  dist: string;
  notices: readonly CheckedNotice[];
  specs: readonly NoticeRecordSpec[];
  config: SiteConfig;
  last: BuildState;
  /** This build's notice digests (whose data changed since `last`). */
  digests: Record<string, NoticeDigest>;
  /** Notices whose pages are rendered again, and whether the other pages are (incremental.ts). */
  changed: readonly string[];
  site: boolean;
  /** Pages (slugs) no longer published: removed from dist/, their search records hidden. */
  gone: readonly string[];
  neighboursOf: (data: NoticeData) => Neighbours;
  /** This build's listingFingerprints(), by listing page: only the pages whose fingerprints changed are rendered. */
  listings: Record<string, string>;
  /** The files of a listing page (listingPageFiles() in src/lib/site/listings.ts), by its listingPageKey. */
  listingFilesOf: (pageKey: string) => string[];
  step: (name: string) => void;
  /** Called once everything is ready, just before dist/ starts changing. */
  beforeReplace: () => void;
}): Promise<{
  indexed: Record<string, IndexedPage>;
  tables: TablesState;
  /** The paths of dist/ it replaced (files or folders). */
  replaced: string[];
}> {
  const { root, work, dist, last } = o;
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(join(dist, MANIFEST_FILE), 'utf8')) as Manifest;
  } catch {
    throw new FullBuildNeeded('dist/ 没有完整性清单');
  }
  const dir = join(work, 'incremental');
  // What replaces paths of dist/ (same relative paths); the replaced ones are moved to `aside`.
  const next = join(dir, 'next');
  const aside = join(dir, 'replaced');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(next, { recursive: true });
  try {
    const all = o.notices.map((n) => ({
      file: n.file.slice(NOTICES_DIR.length + 1),
      data: n.data!,
    }));
    const part = planPart(
      all,
      o.config,
      o.changed.map((f) => f.slice(NOTICES_DIR.length + 1)),
      o.neighboursOf,
    );
    let site = { changed: [] as string[], removed: [] as string[], kept: 0 };
    if (o.site) {
      // The other pages (listings, feeds, open data …), when a notice was added or removed or some
      // notice's data or lead changed, and the changed notices' pages: one "site" process (it
      // holds every notice, so it works out their neighbours itself). Of its other files, only
      // those that differ from dist/ are kept. Listing pages whose fingerprints did not change are
      // not rendered (listing-fingerprints.ts): dist/ keeps them.
      const out = join(dir, 'site-out');
      const listings = changedListings(last.listings, o.listings);
      const rendered = new Set(listings);
      const kept = Object.keys(o.listings)
        .filter((k) => !rendered.has(k))
        .flatMap(o.listingFilesOf);
      const role = siteRoleFile(dir);
      try {
        writeSiteRole(role.file, {
          ...siteMetadata(o.notices),
          notices: { files: part.files, ids: part.ids },
          listings,
        });
        await runAstroRole(root, `site:${role.file}`, out, join(work, 'cache-site'), '站点页面');
      } finally {
        role.remove();
      }
      mergePart(out, next, part.ids, '站点页面');
      site = siteChanges(out, manifest, kept);
      for (const f of site.changed) {
        mkdirSync(dirname(join(next, f)), { recursive: true });
        renameSync(join(out, f), join(next, f));
      }
      o.step(
        `Astro 生成站点页面（${listings.length} 个列表页有变化；${site.changed.length} 个文件有变化，${site.removed.length} 个不再有，${site.kept} 个列表页未变未生成）和改动的 ${part.ids.length} 篇`,
      );
    } else {
      // Only notice bodies changed: their pages, in both modes, from one "notices" process.
      if (part.ids.length) {
        writeFileSync(join(dir, 'part.json'), JSON.stringify(part));
        await runAstroRole(
          root,
          `notices:${join(dir, 'part.json')}`,
          join(dir, 'out'),
          join(work, 'cache-incremental'),
          '改动的公告',
        );
        mergePart(join(dir, 'out'), next, part.ids, '改动的公告');
      }
      o.step(`Astro 生成改动的 ${part.ids.length} 篇`);
    }
    keepNewAssets(next, dist);

    // Search: a notice whose page differs from the one its shard indexed, or that no shard holds
    // (published since the last full build), goes into the delta bundle. The shards' records of
    // those, and of pages no longer published, are hidden (superseded).
    const fresh = hashFiles(
      next,
      part.ids.map((id) => pageFile(paths.noticeBySlug(id))),
    );
    const pageNow = (s: NoticeRecordSpec) => fresh.get(s.file) ?? manifest.files[s.file]!;
    const indexed = structuredClone(last.indexed);
    const published = new Set(o.specs.map((s) => s.file));
    for (const [f, e] of Object.entries(indexed)) {
      if (published.has(f)) delete e.gone;
      else if (e.bundle === DELTA_BUNDLE) delete indexed[f];
      else e.gone = true;
    }
    for (const s of o.specs) indexed[s.file] ??= { bundle: DELTA_BUNDLE, page: pageNow(s) };
    // A page whose record is what its shard holds (only its 上一篇/下一篇 links changed: same data,
    // same article text) keeps that record; a copy in the delta bundle would even share its id.
    const dataChanged = new Set(
      o.notices
        .filter((n) => last.notices[n.file]?.data !== o.digests[n.file]?.data)
        .map((n) => noticeRecordSpec(n.data!).file),
    );
    const sameRecord = (s: NoticeRecordSpec) =>
      fresh.has(s.file) &&
      manifest.files[s.file] === indexed[s.file]!.page &&
      !dataChanged.has(s.file) &&
      articleText(readFileSync(join(dist, s.file), 'utf8')) ===
        articleText(readFileSync(join(next, s.file), 'utf8'));
    const stale = o.specs.filter((s) => {
      const e = indexed[s.file]!;
      if (e.bundle === DELTA_BUNDLE) {
        e.page = pageNow(s);
        return true;
      }
      if (pageNow(s) === e.page) return false;
      if (!sameRecord(s)) return true;
      e.page = fresh.get(s.file)!;
      return false;
    });
    if (stale.length > MAX_DELTA)
      throw new FullBuildNeeded(`自上次完整索引以来改动的公告超过 ${MAX_DELTA} 篇，重建搜索索引`);
    const hidden = [
      ...stale.map((s) => s.file).filter((f) => indexed[f]!.bundle !== DELTA_BUNDLE),
      ...Object.keys(indexed).filter((f) => indexed[f]!.gone),
    ];
    const urlOf = (f: string) => `/${f.replace(/index\.html$/, '')}`;
    for (const bundle of new Set(hidden.map((f) => indexed[f]!.bundle))) {
      const unknown = hidden.filter((f) => indexed[f]!.bundle === bundle && !indexed[f]!.id);
      if (!unknown.length) continue;
      let ids: Map<string, string>;
      try {
        ids = idsOfUrls(join(dist, bundle), unknown.map(urlOf));
      } catch (err) {
        throw new FullBuildNeeded(
          `上次的搜索索引 ${bundle} 与记录不符（${(err as Error).message}）`,
        );
      }
      for (const f of unknown) indexed[f]!.id = ids.get(urlOf(f))!;
    }
    // The changed notices' records go into the delta bundle.
    if (stale.length) {
      // Pages are read from absolute paths (site folder "/"): the new ones from `next`, the others from dist/.
      writeFileSync(
        join(dir, 'delta-records.json'),
        JSON.stringify(
          stale.map((s) => ({ ...s, file: join(fresh.has(s.file) ? next : dist, s.file) })),
        ),
      );
      const r = await runTsChild(CHILDREN.searchIndex, [
        '/',
        join(dir, 'delta-records.json'),
        join(next, DELTA_BUNDLE),
      ]);
      if (r.status !== 0) throw new Error(`Pagefind：${pagefindFailure(r.stderr)}`);
    }
    // The search tables: patched where the texts changed, or written again (search-table-update.ts).
    const delta = stale.length ? takeBundleTexts(next, DELTA_BUNDLE) : [];
    writeDeltaTexts(work, delta);
    const tables = await updateSearchTables({
      work,
      dist,
      next,
      urls: o.specs.map((s) => s.url),
      last: last.tables,
      delta,
    });
    const superseded = new Map(hidden.map((f) => [indexed[f]!.id!, indexed[f]!.bundle]));
    const bundles = [...last.bundles, ...(stale.length ? [DELTA_BUNDLE] : [])];
    const clashes = clashingIds(
      superseded,
      new Map(bundles.map((b) => [b, bundleIds(join(b === DELTA_BUNDLE ? next : dist, b))])),
    );
    if (clashes.length) throw new FullBuildNeeded(`搜索记录编号 ${clashes[0]} 在两个分片中重复`);
    writeBundleList(next, bundles, [...superseded.keys()].sort());
    o.step(
      `搜索索引（${stale.length} 篇在增量索引中；搜索表${tables.patched === null ? '重新写出' : `补 ${tables.patched} 篇`}）`,
    );

    const newFiles = listFiles(next);
    // Replaced: the new paths, pages and site files no longer published, and an old delta bundle (with or without a new one).
    const replaced = [
      ...new Set([
        ...newFiles.map((f) => topOfChange(f, tables.patched === null)),
        ...site.removed,
        ...o.gone.flatMap(noticeFolders),
        DELTA_BUNDLE,
      ]),
    ];
    const replacedSet = new Set(replaced);
    const underReplaced = (rel: string) =>
      replacedSet.has(rel) || replacedSet.has(topOfChange(rel, true));
    // The new pages' links resolve in the site as it will be: the new files over what dist/ keeps.
    const resolves = (p: string) => {
      if (resolvesInSite(next, p)) return true;
      if (!resolvesInSite(dist, p)) return false;
      const rel = decodeURIComponent(p).replace(/^\//, '');
      return !underReplaced(rel) && !underReplaced(posix.join(rel, 'index.html'));
    };
    const broken = findBrokenLinks(
      next,
      newFiles.filter((f) => f.endsWith('.html')),
      o.config.url,
      resolves,
    );
    // A page removed may be linked from any page kept (a notice's body can link another notice).
    if (o.gone.length || site.removed.length) {
      broken.push(
        ...findBrokenLinks(
          dist,
          Object.keys(manifest.files).filter((f) => f.endsWith('.html') && !underReplaced(f)),
          o.config.url,
          resolves,
        ),
      );
    }
    if (broken.length)
      throw new Error(
        `${broken.length} 个链接或附件无法打开：\n${broken.slice(0, 50).map(describeBrokenLink).join('\n')}`,
      );

    const files = { ...manifest.files };
    for (const f of Object.keys(files)) if (underReplaced(f)) delete files[f];
    Object.assign(files, buildManifest(next, newFiles, fresh).files);
    const sorted: Manifest = {
      algorithm: 'sha256',
      files: Object.fromEntries(Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1))),
    };
    writeFileSync(join(next, MANIFEST_FILE), serialiseManifest(sorted));
    o.step('站内链接检查、完整性清单');

    o.beforeReplace();
    replacePaths(dist, next, aside, [...replaced, MANIFEST_FILE]);
    return { indexed, tables: tables.state, replaced: [...replaced, MANIFEST_FILE] };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The site process's files that differ from what dist/ holds (by the integrity manifest's hashes),
 * and the site files dist/ holds that it no longer made (a listing's last page, say). Notice pages,
 * search bundles, their list and term table, and hashed assets (kept: a notice page may use one)
 * are not the site process's, nor the `kept` pages of listings it did not render (dist/ has them
 * as a full build would write them, or this is no incremental build).
 */
function siteChanges(
  siteOut: string,
  manifest: Manifest,
  kept: readonly string[],
): { changed: string[]; removed: string[]; kept: number } {
  for (const f of kept)
    if (!manifest.files[f]) throw new FullBuildNeeded(`上次构建没有列表页 ${f}`);
  const made = listFiles(siteOut);
  const hashes = hashFiles(siteOut, made);
  const changed = made.filter((f) => manifest.files[f] !== hashes.get(f));
  const madeOrKept = new Set([...made, ...kept]);
  const removed = Object.keys(manifest.files).filter(
    (f) => !madeOrKept.has(f) && !notSitePageFile(f),
  );
  return { changed, removed, kept: kept.length };
}

/**
 * The path a new file replaces as a whole: a notice's folder (its old files go with it), the
 * delta bundle, a folder of the search tables when they were written again (`wholeTables`; a patch
 * replaces its files one by one), or the file itself.
 */
export function topOfChange(file: string, wholeTables: boolean): string {
  return (wholeTables ? WHOLE : WHOLE_BUT_TABLES).exec(file)?.[1] ?? file;
}

/** The folders of the search tables (search/keys, search/pack, search/docs). */
const TABLE_FOLDERS = [keyFile(0), packFile(0), docsFile(0)].map((f) => posix.dirname(f));
/** What is replaced as a whole, from the layout's names (none holds a regex character but `-` and `/`). */
const wholeOf = (paths: readonly string[]) => new RegExp(`^(${paths.join('|')})/`);
const WHOLE_BUT_TABLES = wholeOf([...NOTICE_FOLDERS.map((d) => `${d}/[^/]+`), DELTA_BUNDLE]);
const WHOLE = wholeOf([...NOTICE_FOLDERS.map((d) => `${d}/[^/]+`), DELTA_BUNDLE, ...TABLE_FOLDERS]);

/**
 * Files the site process does not make: notice pages (both modes), search bundles, the search tables
 * with their manifest and bundle list, and hashed assets.
 */
export function notSitePageFile(f: string): boolean {
  return (
    NOTICE_FOLDERS.some((d) => f.startsWith(`${d}/`)) ||
    inBundle(f) ||
    f.startsWith('_astro/') ||
    f === BUNDLES_FILE ||
    f === SEARCH_MANIFEST ||
    TABLE_FOLDERS.some((d) => f.startsWith(`${d}/`))
  );
}

/** The part's hashed assets: those dist/ already has (byte for byte) are dropped, new ones kept. */
function keepNewAssets(next: string, dist: string): void {
  for (const { name, same } of sharedAssets(next, dist)) {
    if (!same) throw new FullBuildNeeded(`_astro/${name} 与上次构建的同名文件内容不同`);
    rmSync(join(next, '_astro', name));
  }
}
