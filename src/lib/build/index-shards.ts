import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NoticeRecordSpec } from '../search/records';
import { CHILDREN, runTsChild } from './child-process';
import { BuildError } from './errors';
import { hashFiles } from './manifest';
import { runPool } from './pool';
import { pagefindFailure } from './search-bundles';
import type { SearchBundleCache } from './search-cache';
import type { Shard } from './shards';

/**
 * The index step of a full build and of one part of a build on several machines: each shard's
 * Pagefind bundle written into `siteDir/<bundle>` from the notice pages already rendered there, in
 * a fresh process per shard, two at a time; a shard whose pages and records are unchanged comes
 * from the search cache. Returns the notice pages' hashes (the shards' keys, and the integrity
 * manifest's, as pages do not change after this) and how many shards came from the cache.
 */
export async function indexShards(o: {
  siteDir: string;
  work: string;
  shards: ReadonlyArray<Shard<NoticeRecordSpec>>;
  searchCache: SearchBundleCache;
}): Promise<{ pageHashes: Map<string, string>; reused: number }> {
  const { siteDir, work, shards, searchCache } = o;
  /** One bundle in a fresh process: a Pagefind crash or its memory ends with that process. */
  function indexShard(
    bundle: string,
    items: readonly NoticeRecordSpec[],
  ): Promise<{ status: number; stderr: string }> {
    const recordsFile = join(work, `search-records-${bundle}.json`);
    writeFileSync(recordsFile, JSON.stringify(items));
    // The records file is the process's input only (2.3 MB per 5,000 notices): not left in .gongkai/.
    return runTsChild(CHILDREN.searchIndex, [siteDir, recordsFile, join(siteDir, bundle)]).finally(
      () => rmSync(recordsFile, { force: true }),
    );
  }
  const pageHashes = hashFiles(
    siteDir,
    shards.flatMap((s) => s.items.map((i) => i.file)),
  );
  const toIndex = shards
    .map((s) => ({ ...s, key: searchCache.key(s.items, pageHashes) }))
    .filter((s) => !searchCache.restore(s.key, join(siteDir, s.bundle)));
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
  for (const s of toIndex) searchCache.store(s.key, join(siteDir, s.bundle));
  return { pageHashes, reused: shards.length - toIndex.length };
}
