import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckedNotice } from '../../src/lib/content/validate-notice';
import type { SiteConfig } from '../../src/lib/model/site-config';
import type { NoticeRecordSpec } from '../../src/lib/search/records';
import { NOTICES_DIR } from '../../src/lib/content/paths';
import { BUILD_ROLE_ENV, planPart } from '../../src/lib/build/partitions';
import { mergePart } from '../../src/lib/build/merge-parts';
import { linkTree } from '../../src/lib/build/link-tree';
import { buildManifest, hashFiles, listFiles, MANIFEST_FILE, serialiseManifest, type Manifest } from '../../src/lib/build/manifest';
import { findBrokenLinks } from '../../src/lib/build/link-check';
import type { BuildState, IndexedPage } from '../../src/lib/build/incremental';
import { bundleIds, clashingIds, DELTA_BUNDLE, idsOfUrls, MAX_DELTA, type BundleList } from '../../src/lib/build/search-delta';
import { runTsChild } from './child-process';

const SCRIPTS = join(import.meta.dirname, '..');

/** The last build cannot be built upon after all; `npm run build` then builds in full, saying why. */
export class FullBuildNeeded extends Error {}

/**
 * An incremental build into `staging` (see src/lib/build/incremental.ts): the last build's dist/
 * linked in, the changed notices' pages rendered by one Astro process and put in place, their
 * search records in the delta bundle, the integrity manifest updated. Throws FullBuildNeeded when
 * the last build's output does not allow it, any other error when the build itself fails.
 * Returns the search index's state for the next build.
 */
export async function incrementalBuild(o: {
  root: string;
  work: string;
  staging: string;
  dist: string;
  notices: readonly CheckedNotice[];
  specs: readonly NoticeRecordSpec[];
  config: SiteConfig;
  last: BuildState;
  changed: readonly string[];
  step: (name: string) => void;
}): Promise<Record<string, IndexedPage>> {
  const { root, work, staging, dist, last } = o;
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(join(dist, MANIFEST_FILE), 'utf8')) as Manifest;
  } catch {
    throw new FullBuildNeeded('dist/ 没有完整性清单');
  }
  rmSync(staging, { recursive: true, force: true });
  linkTree(dist, staging);

  // The changed notices' pages, in both modes, from one Astro process.
  const all = o.notices.map((n) => ({ file: n.file.slice(NOTICES_DIR.length + 1), data: n.data! }));
  const part = planPart(all, o.config, o.changed.map((f) => f.slice(NOTICES_DIR.length + 1)));
  const dir = join(work, 'incremental');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  try {
    if (part.ids.length) {
      writeFileSync(join(dir, 'part.json'), JSON.stringify(part));
      const r = await runTsChild(join(SCRIPTS, 'astro-build.ts'), [root, join(dir, 'out'), join(work, 'cache-incremental')], { [BUILD_ROLE_ENV]: `notices:${join(dir, 'part.json')}` });
      if (r.status !== 0) throw new Error(`改动的公告：\n${r.stderr.trim()}`);
      for (const id of part.ids) for (const d of ['notices', 'care/notices']) rmSync(join(staging, d, id), { recursive: true, force: true });
      mergePart(join(dir, 'out'), staging, part.ids, '改动的公告');
    }
    o.step(`Astro 生成改动的 ${part.ids.length} 篇`);

    // Search: every notice whose page differs from the one its shard indexed goes into the delta bundle.
    const fresh = hashFiles(staging, part.ids.map((id) => `notices/${id}/index.html`));
    const stale = o.specs.filter((s) => (fresh.get(s.file) ?? manifest.files[s.file]) !== last.indexed[s.file]?.page);
    if (stale.some((s) => !last.indexed[s.file])) throw new FullBuildNeeded('有公告不在上次的搜索索引里');
    if (stale.length > MAX_DELTA) throw new FullBuildNeeded(`自上次完整索引以来改动的公告超过 ${MAX_DELTA} 篇，重建搜索索引`);
    const indexed = structuredClone(last.indexed);
    for (const bundle of new Set(stale.map((s) => indexed[s.file]!.bundle))) {
      const unknown = stale.filter((s) => indexed[s.file]!.bundle === bundle && !indexed[s.file]!.id);
      if (!unknown.length) continue;
      let ids: Map<string, string>;
      try {
        ids = idsOfUrls(join(staging, bundle), unknown.map((s) => s.url));
      } catch (err) {
        throw new FullBuildNeeded(`上次的搜索索引 ${bundle} 与记录不符（${(err as Error).message}）`);
      }
      for (const s of unknown) indexed[s.file]!.id = ids.get(s.url)!;
    }
    rmSync(join(staging, DELTA_BUNDLE), { recursive: true, force: true });
    if (stale.length) {
      writeFileSync(join(dir, 'delta-records.json'), JSON.stringify(stale));
      const r = await runTsChild(join(SCRIPTS, 'search-index.ts'), [staging, join(dir, 'delta-records.json'), join(staging, DELTA_BUNDLE)]);
      if (r.status !== 0) throw new Error(`Pagefind：${r.stderr.split('\nstack backtrace')[0]!.trim()}`);
    }
    const superseded = new Map(stale.map((s) => [indexed[s.file]!.id!, indexed[s.file]!.bundle]));
    const bundles = [...last.bundles, ...(stale.length ? [DELTA_BUNDLE] : [])];
    const clashes = clashingIds(superseded, new Map(bundles.map((b) => [b, bundleIds(join(staging, b))])));
    if (clashes.length) throw new FullBuildNeeded(`搜索记录编号 ${clashes[0]} 在两个分片中重复`);
    const list: BundleList = { bundles: bundles.map((b) => `/${b}/`), superseded: [...superseded.keys()].sort() };
    // Linked from dist/: replaced, never written into.
    rmSync(join(staging, 'search', 'bundles.json'), { force: true });
    writeFileSync(join(staging, 'search', 'bundles.json'), JSON.stringify(list) + '\n');
    o.step(`搜索索引（${stale.length} 篇在增量索引中）`);

    // Only the new pages' links need checking: every other page, and every link target, is as it was.
    const rewritten = part.ids.flatMap((id) => [`notices/${id}/`, `care/notices/${id}/`]);
    const published = listFiles(staging);
    const newPages = published.filter((f) => f.endsWith('.html') && rewritten.some((p) => f.startsWith(p)));
    const broken = findBrokenLinks(staging, newPages, o.config.url);
    if (broken.length) throw new Error(broken.slice(0, 50).map((b) => `  ${b.page}：链接 ${b.href} 指向的文件不存在`).join('\n'));

    const replaced = (f: string) => rewritten.some((p) => f.startsWith(p)) || f === 'search/bundles.json' || f.startsWith(`${DELTA_BUNDLE}/`);
    const known = new Map(Object.entries(manifest.files).filter(([f]) => !replaced(f)));
    for (const [f, h] of fresh) known.set(f, h);
    rmSync(join(staging, MANIFEST_FILE), { force: true });
    writeFileSync(join(staging, MANIFEST_FILE), serialiseManifest(buildManifest(staging, published, known)));
    o.step('站内链接检查、完整性清单');
    return indexed;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
