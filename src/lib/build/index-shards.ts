import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NoticeRecordSpec } from '../search/records';
import { CHILDREN, runTsChild } from './child-process';
import { BuildError } from './errors';
import { hashFiles } from './manifest';
import { pagefindFailure } from './search-bundles';
import type { SearchBundleCache } from './search-cache';
import type { Shard } from './shards';

/**
 * The index step of a full build and of one part of a build on several machines: each shard's
 * Pagefind bundle written into `siteDir/<bundle>` from the notice pages already rendered there, in
 * a fresh process per shard; a shard whose pages and records are unchanged comes from the search
 * cache. `indexShards` indexes shards whose pages are all rendered, two at a time (this machine
 * kind has two cores). A build whose Astro step runs in several processes starts a `ShardIndexer`
 * first and offers it each shard as soon as its pages are in place: one Pagefind process runs beside
 * the Astro processes (which leave most of a core idle), two once Astro is done.
 */
export interface IndexedShards {
  /** The notice pages' hashes (the shards' keys, and the integrity manifest's: pages do not change after this). */
  pageHashes: Map<string, string>;
  /** How many shards came from the search cache. */
  reused: number;
  /** How many shards Pagefind started on while Astro was still rendering (a ShardIndexer's first limit). */
  early: number;
}

export async function indexShards(o: {
  siteDir: string;
  work: string;
  shards: ReadonlyArray<Shard<NoticeRecordSpec>>;
  searchCache: SearchBundleCache;
}): Promise<IndexedShards> {
  const indexer = new ShardIndexer(o, false);
  for (const s of o.shards) indexer.offer(s);
  return indexer.done();
}

export class ShardIndexer {
  private readonly pageHashes = new Map<string, string>();
  private readonly queue: Array<{ shard: Shard<NoticeRecordSpec>; key: string }> = [];
  private readonly runs: Array<Promise<void>> = [];
  private readonly failures: string[] = [];
  private readonly offered = new Set<string>();
  /** Per shard not yet offered by offerRendered: how many of its pages are known to be there. */
  private readonly seen = new Map<string, number>();
  private running = 0;
  private reused = 0;
  private early = 0;
  private limit: number;

  constructor(
    private readonly o: {
      siteDir: string;
      work: string;
      searchCache: SearchBundleCache;
    },
    /** Astro is still rendering: one Pagefind process at a time until astroFinished(). */
    private besideAstro: boolean,
  ) {
    this.limit = besideAstro ? 1 : 2;
  }

  /** Hashes the shard's pages; restores it from the cache or queues it for Pagefind. */
  offer(shard: Shard<NoticeRecordSpec>): void {
    if (this.offered.has(shard.bundle)) return;
    this.offered.add(shard.bundle);
    const { siteDir, searchCache } = this.o;
    for (const [f, h] of hashFiles(
      siteDir,
      shard.items.map((i) => i.file),
    ))
      this.pageHashes.set(f, h);
    const key = searchCache.key(shard.items, this.pageHashes);
    if (searchCache.restore(key, join(siteDir, shard.bundle))) this.reused++;
    else {
      this.queue.push({ shard, key });
      this.pump();
    }
  }

  /** Offers every shard of `shards` whose pages are all in the site folder now. */
  offerRendered(shards: ReadonlyArray<Shard<NoticeRecordSpec>>): void {
    for (const s of shards) {
      if (this.offered.has(s.bundle)) continue;
      // Pages only arrive: a page seen once stays, so each is looked for until it is there.
      let i = this.seen.get(s.bundle) ?? 0;
      while (i < s.items.length && existsSync(join(this.o.siteDir, s.items[i]!.file))) i++;
      this.seen.set(s.bundle, i);
      if (i === s.items.length) this.offer(s);
    }
  }

  /** Astro is done: two Pagefind processes at a time from now on (two cores). */
  astroFinished(): void {
    this.besideAstro = false;
    this.limit = 2;
    this.pump();
  }

  /** Waits for every queued shard; throws with every Pagefind failure. */
  async done(): Promise<IndexedShards> {
    await this.settled();
    if (this.failures.length)
      throw new BuildError(
        'Pagefind 建立搜索索引出错',
        'Pagefind could not index the site',
        this.failures.join('\n'),
      );
    return { pageHashes: this.pageHashes, reused: this.reused, early: this.early };
  }

  /** Drops the queue and waits for the running processes (a build that failed elsewhere). */
  async abandon(): Promise<void> {
    this.queue.length = 0;
    await this.settled();
  }

  /**
   * A run that ends starts the next queued shard before it settles, and a queued shard always has
   * a run ahead of it: once no run is left, none is queued.
   */
  private async settled(): Promise<void> {
    while (this.runs.length) await Promise.all(this.runs.splice(0));
  }

  private pump(): void {
    while (this.running < this.limit && this.queue.length) {
      const { shard, key } = this.queue.shift()!;
      this.running++;
      if (this.besideAstro) this.early++;
      this.runs.push(
        this.index(shard)
          .then((r) => {
            if (r.status === 0) this.o.searchCache.store(key, join(this.o.siteDir, shard.bundle));
            else this.failures.push(`${shard.bundle}: ${pagefindFailure(r.stderr)}`);
          })
          .finally(() => {
            this.running--;
            this.pump();
          }),
      );
    }
  }

  /** One bundle in a fresh process: a Pagefind crash or its memory ends with that process. */
  private index(shard: Shard<NoticeRecordSpec>): Promise<{ status: number; stderr: string }> {
    const { siteDir, work } = this.o;
    const recordsFile = join(work, `search-records-${shard.bundle}.json`);
    writeFileSync(recordsFile, JSON.stringify(shard.items));
    // The records file is the process's input only (2.3 MB per 5,000 notices): not left in .gongkai/.
    return runTsChild(CHILDREN.searchIndex, [
      siteDir,
      recordsFile,
      join(siteDir, shard.bundle),
    ]).finally(() => rmSync(recordsFile, { force: true }));
  }
}
