import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckedNotice } from '../content/validate-notice';
import type { SiteConfig } from '../model/site-config';
import type { NoticeData } from '../model/notice-schema';
import type { NoticeRecordSpec } from '../search/records';
import type { Neighbours } from '../site/derive';
import { astroInParts } from './astro-in-parts';
import { CHILDREN, runTsChild } from './child-process';
import { dropStaleContentStore } from './content-store';
import { BuildError } from './errors';
import type { IndexedPage } from './incremental';
import { describeBrokenLink, findBrokenLinks } from './link-check';
import { buildManifest, hashFiles, listFiles, MANIFEST_FILE, serialiseManifest } from './manifest';
import { DEFAULT_PARTITION_SIZE } from './partitions';
import { runPool } from './pool';
import { pagefindFailure, writeBundleList } from './search-bundles';
import type { SearchBundleCache } from './search-cache';
import { newCorpus, startStore, takeBundleTexts, writeTablesFor } from './search-texts';
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
  step: (name: string) => void;
}

/** Everything rendered and indexed from scratch (shards whose pages are unchanged come from the search cache). */
export async function fullBuild(o: FullBuildInput): Promise<Record<string, IndexedPage>> {
  const { root, work, staging, notices, specs, config, neighboursOf, shards, searchCache, step } =
    o;
  rmSync(staging, { recursive: true, force: true });
  // Above the partition size, Astro runs in several processes (src/lib/build/partitions.ts).
  const partitionSize = Number(process.env.GONGKAI_PARTITION_SIZE) || DEFAULT_PARTITION_SIZE;
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

  /** One bundle in a fresh process: a Pagefind crash or its memory ends with that process. */
  function indexShard(
    bundle: string,
    items: readonly NoticeRecordSpec[],
  ): Promise<{ status: number; stderr: string }> {
    const recordsFile = join(work, `search-records-${bundle}.json`);
    writeFileSync(recordsFile, JSON.stringify(items));
    // The records file is the process's input only (2.3 MB per 5,000 notices): not left in .gongkai/.
    return runTsChild(CHILDREN.searchIndex, [staging, recordsFile, join(staging, bundle)]).finally(
      () => rmSync(recordsFile, { force: true }),
    );
  }
  // A shard whose pages and records are unchanged is linked from the last build's bundle. The notice
  // pages' hashes serve the shards' keys here and the integrity manifest below (pages do not change in between).
  const pageHashes = hashFiles(
    staging,
    specs.map((s) => s.file),
  );
  const toIndex = shards
    .map((s) => ({ ...s, key: searchCache.key(s.items, pageHashes) }))
    .filter((s) => !searchCache.restore(s.key, join(staging, s.bundle)));
  // Two at a time: this machine kind has two cores.
  const runs = await runPool(toIndex, 2, (s) => indexShard(s.bundle, s.items));
  const failures = runs.flatMap((r, i) =>
    r.status === 0 ? [] : [`${toIndex[i]!.bundle}: ${pagefindFailure(r.stderr)}`],
  );
  if (failures.length)
    throw new BuildError(
      'Pagefind 建立搜索索引出错',
      'Pagefind could not index the site',
      failures.join('\n'),
    );
  for (const s of toIndex) searchCache.store(s.key, join(staging, s.bundle));
  // Which bundles hold records (after incremental builds, also which of their records are replaced).
  writeBundleList(
    staging,
    shards.map((s) => s.bundle),
  );
  const reused = shards.length - toIndex.length;
  console.log(
    `搜索索引：${specs.length} 篇，${shards.length} 个分片${reused ? `（${reused} 个未变，沿用上次的索引）` : ''}。`,
  );
  step('Pagefind 搜索索引');
  // The search page answers from tables over every notice's text (src/lib/search/contract.ts).
  const corpus = newCorpus();
  const store = startStore(work);
  for (const s of shards) takeBundleTexts(staging, s.bundle, corpus, store);
  writeTablesFor(
    staging,
    specs.map((s) => s.url),
    corpus,
  );
  step('搜索表');

  // Link integrity: every internal link and attachment must resolve in the built site.
  const published = listFiles(staging);
  const pages = published.filter((f) => f.endsWith('.html'));
  const broken = findBrokenLinks(staging, pages, config.url);
  if (broken.length) {
    for (const b of broken.slice(0, 50)) console.error(describeBrokenLink(b));
    throw new BuildError(
      `${broken.length} 个链接或附件无法打开（见上）`,
      `${broken.length} links or attachments are broken`,
    );
  }

  step('站内链接检查');
  // The integrity manifest: SHA-256 of every published file (npm run verify checks a deployed copy).
  writeFileSync(
    join(staging, MANIFEST_FILE),
    serialiseManifest(buildManifest(staging, published, pageHashes)),
  );
  step('完整性清单');
  return Object.fromEntries(
    shards.flatMap((shard) =>
      shard.items.map((s) => [s.file, { bundle: shard.bundle, page: pageHashes.get(s.file)! }]),
    ),
  );
}
