import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckedNotice } from '../content/validate-notice';
import type { SiteConfig } from '../model/site-config';
import type { NoticeData } from '../model/notice-schema';
import type { NoticeRecordSpec } from '../search/records';
import type { Neighbours } from '../site/derive';
import { astroInParts } from './astro-in-parts';
import { dropStaleContentStore } from './content-store';
import { finishSite } from './finish-site';
import { indexShards } from './index-shards';
import { BuildError } from './errors';
import type { IndexedPage } from './incremental';
import type { SearchBundleCache } from './search-cache';
import type { Shard } from './shards';

/**
 * The full build as a sequence of steps, into `staging` (scripts/build.ts swaps it into dist/):
 * Astro renders every page (in parts above the partition size), Pagefind indexes each shard in its
 * own process (a shard whose pages are unchanged comes from the search cache), the search tables
 * are written over every notice's text, every link is checked, and the integrity manifest written.
 * A failing step throws BuildError; dist/ is not touched here.
 */
export interface FullBuildInput {
  root: string;
  work: string;
  staging: string;
  notices: readonly CheckedNotice[];
  /** The search records, newest first. */
  specs: readonly NoticeRecordSpec[];
  config: SiteConfig;
  neighboursOf: (data: NoticeData) => Neighbours;
  shards: ReadonlyArray<Shard<NoticeRecordSpec>>;
  searchCache: SearchBundleCache;
  /** The most notices one Astro process renders (partitions.ts). */
  partitionSize: number;
  step: (name: string) => void;
}

/** Everything rendered and indexed from scratch (shards whose pages are unchanged come from the search cache). */
export async function fullBuild(o: FullBuildInput): Promise<Record<string, IndexedPage>> {
  const {
    root,
    work,
    staging,
    notices,
    specs,
    config,
    neighboursOf,
    shards,
    searchCache,
    partitionSize,
    step,
  } = o;
  rmSync(staging, { recursive: true, force: true });
  // Above the partition size, Astro runs in several processes (src/lib/build/partitions.ts).
  let astroProcesses = 1;
  try {
    if (notices.length > partitionSize) {
      const { parts } = await astroInParts({
        root,
        staging,
        work,
        notices,
        config,
        size: partitionSize,
        neighboursOf,
      });
      astroProcesses = parts + 1;
    } else {
      // Loaded only here: importing Astro costs 0.5 s, which an incremental build (its own processes) does not need.
      const { build } = await import('astro');
      dropStaleContentStore(root, join(work, 'cache'));
      await build({
        root,
        outDir: staging,
        logLevel: process.env.GONGKAI_VERBOSE ? 'info' : 'warn',
      });
    }
  } catch (err) {
    throw new BuildError('Astro 生成页面出错', 'Astro could not build the pages', err);
  }
  step(astroProcesses > 1 ? `Astro 生成页面（${astroProcesses} 个进程）` : 'Astro 生成页面');

  const { pageHashes, reused } = await indexShards({ siteDir: staging, work, shards, searchCache });
  console.log(
    `搜索索引：${specs.length} 篇，${shards.length} 个分片${reused ? `（${reused} 个未变，沿用上次的索引）` : ''}。`,
  );
  step('Pagefind 搜索索引');
  finishSite({ staging, work, config, shards, known: pageHashes, step });
  return Object.fromEntries(
    shards.flatMap((shard) =>
      shard.items.map((s) => [s.file, { bundle: shard.bundle, page: pageHashes.get(s.file)! }]),
    ),
  );
}
