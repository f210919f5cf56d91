import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { astroInParts } from './astro-in-parts';
import { noticesPartSize } from './partitions';
import type { BuildInput } from './build-input';
import { dropStaleContentStore } from './content-store';
import { finishSite } from './finish-site';
import { ShardIndexer } from './index-shards';
import { BuildError } from './errors';
import type { IndexedPage } from './incremental';

/**
 * The full build as a sequence of steps, into `staging` (scripts/build.ts swaps it into dist/):
 * Astro renders every page (in parts above the partition size), Pagefind indexes each shard in its
 * own process (a shard whose pages are unchanged comes from the search cache), the search tables
 * are written over every notice's text, every link is checked, and the integrity manifest written.
 * A failing step throws BuildError; dist/ is not touched here.
 */
export interface FullBuildInput extends BuildInput {
  staging: string;
}

/** Everything rendered and indexed from scratch (shards whose pages are unchanged come from the search cache). */
export async function fullBuild(o: FullBuildInput): Promise<Record<string, IndexedPage>> {
  const {
    root,
    work,
    staging,
    notices,
    config,
    neighboursOf,
    shards,
    searchCache,
    partitionSize,
    step,
  } = o;
  const specs = shards.flatMap((s) => s.items);
  rmSync(staging, { recursive: true, force: true });
  // Above ONE_PROCESS_MAX notices, Astro runs in several processes (src/lib/build/partitions.ts), and
  // each shard is indexed as soon as its pages are rendered, one Pagefind process beside Astro.
  let astroProcesses = 1;
  const partSize = noticesPartSize(notices.length, partitionSize);
  const indexer = new ShardIndexer({ siteDir: staging, work, searchCache }, partSize !== null);
  try {
    if (partSize !== null) {
      const { parts } = await astroInParts({
        root,
        staging,
        work,
        notices,
        config,
        size: partSize,
        neighboursOf,
        afterPart: () => indexer.offerRendered(shards),
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
    await indexer.abandon();
    throw new BuildError('Astro 生成页面出错', 'Astro could not build the pages', err);
  }
  step(astroProcesses > 1 ? `Astro 生成页面（${astroProcesses} 个进程）` : 'Astro 生成页面');

  indexer.astroFinished();
  for (const s of shards) indexer.offer(s);
  const { pageHashes, reused, early } = await indexer.done();
  const notes = [
    reused ? `${reused} 个未变，沿用上次的索引` : '',
    early ? `${early} 个在 Astro 生成页面的同时建立` : '',
  ].filter(Boolean);
  console.log(
    `搜索索引：${specs.length} 篇，${shards.length} 个分片${notes.length ? `（${notes.join('；')}）` : ''}。`,
  );
  step('Pagefind 搜索索引');
  await finishSite({ staging, work, config, shards, known: pageHashes, step });
  return Object.fromEntries(
    shards.flatMap((shard) =>
      shard.items.map((s) => [s.file, { bundle: shard.bundle, page: pageHashes.get(s.file)! }]),
    ),
  );
}
