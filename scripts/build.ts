/**
 * npm run build [-- --root DIR] [--full]
 * check → Astro build into a staging folder → Pagefind index → swap into dist/.
 * When no notice was added or removed since the last build (src/lib/build/incremental.ts), only
 * the pages that can have changed are rendered and indexed again; --full always builds everything.
 * Any failure leaves the previous dist/ exactly as it was and says why (exit 1).
 */
import { siteConfigOrExit } from './lib/site-config-or-exit';
import { isRealDomain } from '../src/lib/model/site-config';
import { compareNewestFirst } from '../src/lib/site/notices';
import { isPublished } from '../src/lib/model/notice-schema';
import { parseArgs } from 'node:util';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { rmSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { noticeRecordSpec, type NoticeRecordSpec } from '../src/lib/search/records';
import { checkNotices } from '../src/lib/content/project';
import { formatProblemsText } from '../src/lib/content/problem';
import { CHILDREN, runTsChild } from '../src/lib/build/child-process';
import { astroInParts } from '../src/lib/build/astro-in-parts';
import { runPool } from '../src/lib/build/pool';
import { DEFAULT_PARTITION_SIZE, deriveSiteData, neighboursIn } from '../src/lib/build/partitions';
import { listingFingerprints } from '../src/lib/build/listing-fingerprints';
import { listingFiles, siteListings } from '../src/lib/site/listings';
import { SearchBundleCache } from '../src/lib/build/search-cache';
import { dropStaleContentStore } from '../src/lib/build/content-store';
import { shardPlan, DEFAULT_SHARD_SIZE } from '../src/lib/build/shards';
import { swapInto } from '../src/lib/build/publish';
import { buildManifest, hashFiles, listFiles, MANIFEST_FILE, serialiseManifest } from '../src/lib/build/manifest';
import { describeBrokenLink, findBrokenLinks } from '../src/lib/build/link-check';
import { distFingerprint, noticeDigests, planBuild, readState, siteFingerprint, STATE_FILE, type BuildState, type IndexedPage } from '../src/lib/build/incremental';
import { libFingerprint } from '../src/lib/code-fingerprint';
import { pagefindFailure, writeBundleList } from '../src/lib/build/search-bundles';
import { incrementalBuild } from '../src/lib/build/incremental-build';
import { BuildError, buildFailure, FullBuildNeeded } from '../src/lib/build/errors';
import { commitStore, newCorpus, startStore, takeBundleTexts, writeTablesFor } from '../src/lib/build/search-texts';

const { values } = parseArgs({ options: { root: { type: 'string', default: '.' }, full: { type: 'boolean', default: false } } });
const root = resolve(values.root);
// Pages read attachment sizes from <root>/public; Astro resolves everything else from `root`.
process.chdir(root);
const work = join(root, '.gongkai');
const staging = join(work, 'staging');
const dist = join(root, 'dist');

function fail(zh: string, en: string, detail?: unknown): never {
  throw new BuildError(zh, en, detail);
}

const started = Date.now();
let stepStart = started;
/** Step timings, so a slow build says where its time went (npm run bench reads them too). */
function step(name: string): void {
  const now = Date.now();
  console.log(`  · ${name}：${((now - stepStart) / 1000).toFixed(1)} 秒`);
  stepStart = now;
}
async function main(): Promise<void> {
  const config = await siteConfigOrExit(root);
  if (isRealDomain(config.url) && !config.siteIdCode) {
    fail(
      `站点地址 ${config.url} 是正式域名，须在 src/content/site.config.ts 中填写网站标识码 siteIdCode（全国政府网站信息报送系统分配的 10 位编码，页面元数据和页脚都要显示）`,
      `a site for the real domain ${config.url} needs its siteIdCode`,
    );
  }
  const { notices, problems, warnings } = await checkNotices(root, config, undefined, { workers: availableParallelism() });
  if (warnings.length) console.error(`${formatProblemsText(warnings)}\n\n${warnings.length} 处警告（不影响发布，建议处理）。`);
  if (problems.length) {
    console.error(formatProblemsText(problems));
    fail(`内容检查发现 ${problems.length} 处问题（见上）`, `the content check found ${problems.length} problems (above)`);
  }
  console.log(`检查通过：${notices.length} 篇。`);
  step('内容检查');

  const specs = notices
    .map((n) => n.data!)
    .filter(isPublished)
    .sort(compareNewestFirst)
    .map(noticeRecordSpec);

  const shardSize = Number(process.env.GONGKAI_SHARD_SIZE) || DEFAULT_SHARD_SIZE;
  /** The search bundles of a full build (src/lib/build/shards.ts): records newest first. */
  const planShards = () => shardPlan(specs, shardSize);
  const searchCache = new SearchBundleCache(join(work, 'search-cache'));

  // What the last build's output can be reused for (src/lib/build/incremental.ts).
  const statePath = join(work, STATE_FILE);
  const last = values.full ? null : readState(statePath);
  const derived = deriveSiteData(notices.map((n) => ({ data: n.data! })), config);
  const neighboursOf = neighboursIn(derived);
  const digests = noticeDigests(notices.map((n) => ({ file: n.file, data: n.data!, sourceKey: n.sourceKey!, lead: n.lead! })), neighboursOf);
  const digestByIndexNo = new Map(notices.map((n) => [n.data!.indexNo, digests[n.file]!]));
  const listingsNow = siteListings(derived);
  const listingByKey = new Map(listingsNow.map((l) => [l.key, l]));
  const listings = listingFingerprints(listingsNow, (indexNo) => {
    const d = digestByIndexNo.get(indexNo)!;
    return `${d.data}:${d.lead}`;
  });
  const code = `${libFingerprint()}:${siteFingerprint(root, [import.meta.dirname, join(import.meta.dirname, '..', 'package-lock.json')])}`;
  const plan = values.full ? { kind: 'full' as const, reason: '指定了 --full' } : planBuild(last, { code, dist: () => distFingerprint(dist), notices: digests });
  mkdirSync(work, { recursive: true });
  step('比较上次构建');
  let indexed: Record<string, IndexedPage> | null = null;
  if (plan.kind === 'incremental') {
    console.log(
      plan.site
        ? `增量构建：公告有增删，或元数据、导语有改动：重新生成列表等站点页面和 ${plan.changed.length} 篇公告页面（新增、改动的，和上一篇/下一篇随之改变的）${plan.gone.length ? `，删除 ${plan.gone.length} 篇不再发布的公告页面` : ''}，其余沿用上次构建。`
        : plan.changed.length
          ? `增量构建：${plan.changed.length} 篇公告的正文有改动，其余页面沿用上次构建。`
          : '增量构建：内容与上次构建相同，沿用上次构建的页面。',
    );
    try {
      indexed = await incrementalBuild({ root, work, dist, notices, specs, config, last: last!, digests, changed: plan.changed, site: plan.site, gone: plan.gone, neighboursOf, listings, listingFilesOf: (key) => listingFiles(listingByKey.get(key)!), step, beforeReplace: () => rmSync(statePath, { force: true }) });
      step('更新 dist/');
    } catch (err) {
      // The message says what failed (an Astro error, broken links); the stack would not help an editor.
      if (!(err instanceof FullBuildNeeded)) fail('增量构建出错', 'the incremental build failed', err instanceof Error ? err.message : err);
      console.log(`改为完整构建：${err.message}。`);
    }
  } else {
    console.log(`完整构建：${plan.reason}。`);
  }
  const full = !indexed;
  if (!indexed) {
    indexed = await fullBuild();
    // The last build's state no longer describes dist/ once dist/ starts changing.
    rmSync(statePath, { force: true });
    try {
      swapInto(staging, dist, join(work, 'previous'));
    } catch (err) {
      fail('无法替换 dist/', 'could not swap the new site into dist/', err);
    }
    step('替换 dist/');
  }

  // A full build's record texts, for the next incremental builds (which need this state too).
  if (full) commitStore(work);
  const state: BuildState = { version: 3, code, dist: distFingerprint(dist)!, notices: digests, listings, bundles: full ? planShards().map((s) => s.bundle) : last!.bundles, indexed };
  writeFileSync(`${statePath}.tmp`, JSON.stringify(state));
  renameSync(`${statePath}.tmp`, statePath);
  // An incremental build still serves the shards from the last full one: their cache entries stay.
  if (full) searchCache.prune();
  console.log(`构建完成：dist/（用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒）。`);
  console.log('Build complete: dist/.');

  /** Everything rendered and indexed from scratch (shards whose pages are unchanged come from the search cache). */
  async function fullBuild(): Promise<Record<string, IndexedPage>> {
    rmSync(staging, { recursive: true, force: true });
    // Above the partition size, Astro runs in several processes (src/lib/build/partitions.ts).
    const partitionSize = Number(process.env.GONGKAI_PARTITION_SIZE) || DEFAULT_PARTITION_SIZE;
    let astroProcesses = 1;
    try {
      if (notices.length > partitionSize) {
        const { parts } = await astroInParts({ root, staging, work, notices, config, size: partitionSize, neighboursOf });
        astroProcesses = parts + 1;
      } else {
        // Loaded only here: importing Astro costs 0.5 s, which an incremental build (its own processes) does not need.
        const { build } = await import('astro');
        dropStaleContentStore(root, join(work, 'cache'));
        await build({ root, outDir: staging, logLevel: process.env.GONGKAI_VERBOSE ? 'info' : 'warn' });
      }
    } catch (err) {
      fail('Astro 生成页面出错', 'Astro could not build the pages', err);
    }
    step(astroProcesses > 1 ? `Astro 生成页面（${astroProcesses} 个进程）` : 'Astro 生成页面');

    const shards = planShards();

    /** One bundle in a fresh process: a Pagefind crash or its memory ends with that process. */
    function indexShard(bundle: string, items: typeof specs): Promise<{ status: number; stderr: string }> {
      const recordsFile = join(work, `search-records-${bundle}.json`);
      writeFileSync(recordsFile, JSON.stringify(items));
      // The records file is the process's input only (2.3 MB per 5,000 notices): not left in .gongkai/.
      return runTsChild(CHILDREN.searchIndex, [staging, recordsFile, join(staging, bundle)]).finally(() => rmSync(recordsFile, { force: true }));
    }
    // A shard whose pages and records are unchanged is linked from the last build's bundle. The notice
    // pages' hashes serve the shards' keys here and the integrity manifest below (pages do not change in between).
    const pageHashes = hashFiles(staging, specs.map((s) => s.file));
    const toIndex = shards
      .map((s) => ({ ...s, key: searchCache.key(s.items, pageHashes) }))
      .filter((s) => !searchCache.restore(s.key, join(staging, s.bundle)));
    // Two at a time: this machine kind has two cores.
    const runs = await runPool(toIndex, 2, (s) => indexShard(s.bundle, s.items));
    const failures = runs.flatMap((r, i) => (r.status === 0 ? [] : [`${toIndex[i]!.bundle}: ${pagefindFailure(r.stderr)}`]));
    if (failures.length) fail('Pagefind 建立搜索索引出错', 'Pagefind could not index the site', failures.join('\n'));
    for (const s of toIndex) searchCache.store(s.key, join(staging, s.bundle));
    // Which bundles hold records (after incremental builds, also which of their records are replaced).
    writeBundleList(staging, shards.map((s) => s.bundle));
    const reused = shards.length - toIndex.length;
    console.log(`搜索索引：${specs.length} 篇，${shards.length} 个分片${reused ? `（${reused} 个未变，沿用上次的索引）` : ''}。`);
    step('Pagefind 搜索索引');
    // The search page answers from tables over every notice's text (src/lib/search/contract.ts).
    const corpus = newCorpus();
    const store = startStore(work);
    for (const s of shards) takeBundleTexts(staging, s.bundle, corpus, store);
    writeTablesFor(staging, specs.map((s) => s.url), corpus);
    step('搜索表');

    // Link integrity: every internal link and attachment must resolve in the built site.
    const published = listFiles(staging);
    const pages = published.filter((f) => f.endsWith('.html'));
    const broken = findBrokenLinks(staging, pages, config.url);
    if (broken.length) {
      for (const b of broken.slice(0, 50)) console.error(describeBrokenLink(b));
      fail(`${broken.length} 个链接或附件无法打开（见上）`, `${broken.length} links or attachments are broken`);
    }

    step('站内链接检查');
    // The integrity manifest: SHA-256 of every published file (npm run verify checks a deployed copy).
    writeFileSync(join(staging, MANIFEST_FILE), serialiseManifest(buildManifest(staging, published, pageHashes)));
    step('完整性清单');
    return Object.fromEntries(shards.flatMap((shard) => shard.items.map((s) => [s.file, { bundle: shard.bundle, page: pageHashes.get(s.file)! }])));
  }
}

// The one place a failure becomes an exit code (errors.ts); the staging folder goes with it.
// (exit, not exitCode: a failed Astro or Pagefind step may leave handles open.)
await main().catch((err: unknown) => {
  process.exit(buildFailure(err, () => rmSync(staging, { recursive: true, force: true })));
});
