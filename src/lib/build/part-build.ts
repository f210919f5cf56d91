import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { relativeNotices, renderNoticeParts } from './astro-in-parts';
import type { BuildInput } from './build-input';
import { BuildError } from './errors';
import { indexShards } from './index-shards';
import { PART_FILE, PART_SITE, partPlan, type PartFile, type PartIdentity } from './machine-parts';
import { buildManifest, listFiles } from './manifest';
import { planParts } from './partitions';

/**
 * One part of a build on several machines (machine-parts.ts), into `out`: the notice pages of its
 * shards (both modes, in Astro processes of at most `partitionSize` notices), their Pagefind
 * bundles, and PART_FILE. Written beside `out` and renamed into place, so a folder named `out`
 * is always a whole part.
 */
export async function buildPart(
  o: BuildInput & { out: string; part: number; of: number; identity: PartIdentity },
): Promise<PartFile> {
  const { root, work, part, of, step } = o;
  let plan: ReturnType<typeof partPlan>;
  try {
    plan = partPlan(o.shards, o.notices, part, of);
  } catch (err) {
    throw new BuildError((err as Error).message, `cannot split the site into ${of} parts`);
  }
  const { shards: mine, notices } = plan;
  const next = `${o.out}.building`;
  rmSync(next, { recursive: true, force: true });
  const siteDir = join(next, PART_SITE);
  mkdirSync(siteDir, { recursive: true });
  const planned = planParts(relativeNotices(notices), o.config, o.partitionSize, o.neighboursOf);
  try {
    await renderNoticeParts({ root, work, siteDir, parts: planned });
  } catch (err) {
    rmSync(next, { recursive: true, force: true });
    throw new BuildError('Astro 生成页面出错', 'Astro could not build the pages', err);
  }
  step(`Astro 生成页面（第 ${part}/${of} 部分：${notices.length} 篇，${planned.length} 个进程）`);
  let pageHashes: Map<string, string>;
  try {
    const indexed = await indexShards({
      siteDir,
      work,
      shards: mine,
      searchCache: o.searchCache,
    });
    pageHashes = indexed.pageHashes;
    const { reused } = indexed;
    console.log(
      `搜索索引：${notices.length} 篇，${mine.length} 个分片${reused ? `（${reused} 个未变，沿用上次的索引）` : ''}。`,
    );
  } catch (err) {
    rmSync(next, { recursive: true, force: true });
    throw err;
  }
  step('Pagefind 搜索索引');
  const file: PartFile = {
    version: 1,
    part,
    of,
    identity: o.identity,
    bundles: mine.map((s) => s.bundle),
    ids: plan.ids,
    // The notice pages were hashed for the search cache's keys and have not changed since.
    files: buildManifest(siteDir, listFiles(siteDir), pageHashes).files,
  };
  writeFileSync(join(next, PART_FILE), JSON.stringify(file, null, 1) + '\n');
  if (existsSync(o.out)) rmSync(o.out, { recursive: true, force: true });
  renameSync(next, o.out);
  step('部分清单');
  return file;
}
