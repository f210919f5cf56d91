/**
 * npm run build [-- --root DIR] [--full]
 * npm run build -- --part K/N [--out DIR]   one part of a build on several machines (default DIR: dist-part-K-of-N)
 * npm run build -- --merge DIR…             the site pages, and the parts joined into dist/
 * check → plan (what the last build can be reused for) → the incremental sequence
 * (src/lib/build/incremental-build.ts) or the full one (full-build.ts) into a staging folder → swap into dist/.
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
import { existsSync, rmSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { noticeRecordSpec } from '../src/lib/search/records';
import { checkNotices } from '../src/lib/content/project';
import { formatProblemsText } from '../src/lib/content/problem';
import { deriveSiteData, neighboursIn } from '../src/lib/build/partitions';
import { listingFingerprints, listingPageOf } from '../src/lib/build/listing-fingerprints';
import { listingPageFiles, siteListings, type Listing } from '../src/lib/site/listings';
import { SearchBundleCache } from '../src/lib/build/search-cache';
import { shardPlan, DEFAULT_SHARD_SIZE } from '../src/lib/build/shards';
import { swapInto } from '../src/lib/build/publish';
import {
  fingerprintOf,
  snapshotDistInWorker,
  updateSnapshot,
  noticeDigests,
  planBuild,
  readState,
  siteFingerprint,
  STATE_FILE,
  type BuildState,
  type IndexedPage,
} from '../src/lib/build/incremental';
import { libFingerprint } from '../src/lib/code-fingerprint';
import { listDist, saveListing, type DistListing } from '../src/lib/build/dist-listing';
import { incrementalBuild } from '../src/lib/build/incremental-build';
import { fullBuild } from '../src/lib/build/full-build';
import { BuildError, buildFailure, FullBuildNeeded } from '../src/lib/build/errors';
import { commitDeltaTexts, commitStore } from '../src/lib/build/search-texts';
import { tableOrder, type TablesState } from '../src/lib/build/search-table-update';
import { MANIFEST_FILE as SEARCH_MANIFEST, type SearchManifest } from '../src/lib/search/contract';
import { DEFAULT_PARTITION_SIZE } from '../src/lib/build/partitions';
import { parsePartArg, partIdentity } from '../src/lib/build/machine-parts';
import { buildPart } from '../src/lib/build/part-build';
import { mergeBuild } from '../src/lib/build/merge-build';
import type { BuildInput } from '../src/lib/build/build-input';

const { values, positionals } = parseArgs({
  options: {
    root: { type: 'string', default: '.' },
    full: { type: 'boolean', default: false },
    part: { type: 'string' },
    out: { type: 'string' },
    merge: { type: 'boolean', default: false },
  },
  allowPositionals: true,
});
const root = resolve(values.root);
// Folders named on the command line are relative to where it was typed, not to --root.
const partOut = values.out !== undefined ? resolve(values.out) : undefined;
const mergeDirs = positionals.map((d) => resolve(d));
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
  // dist/'s snapshot (for the plan below) is read on another thread while the notices are checked.
  const statePath = join(work, STATE_FILE);
  const reading =
    !values.full && !values.merge && values.part === undefined && existsSync(statePath)
      ? snapshotDistInWorker(dist, work).catch(() => null)
      : null;
  const { notices, problems, warnings } = await checkNotices(root, config, undefined, {
    workers: availableParallelism(),
  });
  if (warnings.length)
    console.error(
      `${formatProblemsText(warnings)}\n\n${warnings.length} 处警告（不影响发布，建议处理）。`,
    );
  if (problems.length) {
    console.error(formatProblemsText(problems));
    fail(
      `内容检查发现 ${problems.length} 处问题（见上）`,
      `the content check found ${problems.length} problems (above)`,
    );
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
  const last = values.full ? null : readState(statePath);
  const derived = deriveSiteData(
    notices.map((n) => ({ data: n.data! })),
    config,
  );
  const neighboursOf = neighboursIn(derived);
  const digests = noticeDigests(
    notices.map((n) => ({
      file: n.file,
      data: n.data!,
      sourceKey: n.sourceKey!,
      lead: n.lead!,
      digests: n.digests!,
    })),
    neighboursOf,
  );
  // The listings' fingerprints change only with some notice's data or lead, or a notice added or
  // removed: worked out only then (at 100,000 notices they take ~1.5 s).
  let listingsMemo: { fingerprints: Record<string, string>; byKey: Map<string, Listing<null>> };
  const listingsNow = () => {
    if (listingsMemo) return listingsMemo;
    const all = siteListings(derived);
    const digestByIndexNo = new Map(notices.map((n) => [n.data!.indexNo, digests[n.file]!]));
    return (listingsMemo = {
      byKey: new Map(all.map((l) => [l.key, l])),
      fingerprints: listingFingerprints(all, (indexNo) => {
        const d = digestByIndexNo.get(indexNo)!;
        return `${d.data}:${d.lead}`;
      }),
    });
  };
  const code = `${libFingerprint()}:${siteFingerprint(root, [import.meta.dirname, join(import.meta.dirname, '..', 'package-lock.json')])}`;
  const partitionSize = Number(process.env.GONGKAI_PARTITION_SIZE) || DEFAULT_PARTITION_SIZE;
  if (values.part !== undefined || values.merge) {
    if (values.part !== undefined && values.merge)
      fail('--part 与 --merge 不能同时使用', '--part and --merge exclude each other');
    if (values.merge && !mergeDirs.length)
      fail(
        '--merge 之后请列出各部分的文件夹，如 --merge dist-part-1-of-2 dist-part-2-of-2',
        '--merge needs the parts folders',
      );
  }
  const identity = () => partIdentity(root, [import.meta.dirname], digests, planShards());
  /** What the full, part and merge sequences are given. */
  const input = (): BuildInput => ({
    root,
    work,
    notices,
    config,
    neighboursOf,
    shards: planShards(),
    searchCache,
    partitionSize,
    step,
  });
  if (values.part !== undefined) {
    let part: { part: number; of: number };
    try {
      part = parsePartArg(values.part);
    } catch (err) {
      fail((err as Error).message, 'bad --part');
    }
    const out = partOut ?? resolve(`dist-part-${part.part}-of-${part.of}`);
    await buildPart({ ...input(), out, ...part, identity: identity() });
    searchCache.prune();
    console.log(
      `第 ${part.part}/${part.of} 部分构建完成：${out}（用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒）。`,
    );
    return;
  }
  /** dist/ as the plan found it (its files' sizes and times), once read. */
  const early = reading && (await reading);
  let listing: DistListing | null = early?.listing ?? null;
  const plan = values.merge
    ? { kind: 'full' as const, reason: `合并 ${mergeDirs.length} 个部分` }
    : values.full
      ? { kind: 'full' as const, reason: '指定了 --full' }
      : planBuild(last, {
          code,
          dist: () =>
            !existsSync(dist)
              ? null
              : (early?.fingerprint ?? fingerprintOf((listing = listDist(dist)).files)),
          notices: digests,
        });
  mkdirSync(work, { recursive: true });
  step('比较上次构建');
  let indexed: Record<string, IndexedPage> | null = null;
  let tables: TablesState | null = null;
  let replaced: string[] = [];
  if (plan.kind === 'incremental') {
    console.log(
      plan.site
        ? `增量构建：公告有增删，或元数据、导语有改动：重新生成列表等站点页面和 ${plan.changed.length} 篇公告页面（新增、改动的，和上一篇/下一篇随之改变的）${plan.gone.length ? `，删除 ${plan.gone.length} 篇不再发布的公告页面` : ''}，其余沿用上次构建。`
        : plan.changed.length
          ? `增量构建：${plan.changed.length} 篇公告的正文有改动，其余页面沿用上次构建。`
          : '增量构建：内容与上次构建相同，沿用上次构建的页面。',
    );
    try {
      ({ indexed, tables, replaced } = await incrementalBuild({
        root,
        work,
        dist,
        notices,
        specs,
        config,
        last: last!,
        digests,
        changed: plan.changed,
        site: plan.site,
        gone: plan.gone,
        neighboursOf,
        listings: plan.site ? listingsNow().fingerprints : last!.listings,
        listingFilesOf: (pageKey) => {
          const { key, page } = listingPageOf(pageKey);
          return listingPageFiles(listingsNow().byKey.get(key)!, page);
        },
        step,
        beforeReplace: () => rmSync(statePath, { force: true }),
      }));
      step('更新 dist/');
    } catch (err) {
      // The message says what failed (an Astro error, broken links); the stack would not help an editor.
      if (!(err instanceof FullBuildNeeded))
        fail(
          '增量构建出错',
          'the incremental build failed',
          err instanceof Error ? err.message : err,
        );
      console.log(`改为完整构建：${err.message}。`);
    }
  } else {
    console.log(`完整构建：${plan.reason}。`);
  }
  const full = !indexed;
  if (!indexed) {
    indexed = values.merge
      ? await mergeBuild({ ...input(), staging, dirs: mergeDirs, identity: identity() })
      : await fullBuild({ ...input(), staging });
    // The last build's state no longer describes dist/ once dist/ starts changing.
    rmSync(statePath, { force: true });
    try {
      swapInto(staging, dist, join(work, 'previous'));
    } catch (err) {
      fail('无法替换 dist/', 'could not swap the new site into dist/', err);
    }
    step('替换 dist/');
  }

  // The record texts the search tables describe, for the next incremental builds (which need this state too).
  if (full) commitStore(work);
  else commitDeltaTexts(work);
  tables ??= {
    order: tableOrder(specs.map((s) => s.url)),
    packs: (JSON.parse(readFileSync(join(dist, SEARCH_MANIFEST), 'utf8')) as SearchManifest).packs,
  };
  // dist/ as this build leaves it (after an incremental build only the paths it replaced are read
  // again); the next build checks it with a stat per file and folder (dist-listing.ts).
  const listingNow =
    full || !listing
      ? listDist(dist)
      : (updateSnapshot(listing.files, dist, replaced, listing.dirs), listing);
  saveListing(work, listingNow);
  const state: BuildState = {
    version: 4,
    code,
    dist: fingerprintOf(listingNow.files),
    notices: digests,
    // Unchanged when an incremental build did not render the site pages.
    listings:
      full || (plan.kind === 'incremental' && plan.site)
        ? listingsNow().fingerprints
        : last!.listings,
    bundles: full ? planShards().map((s) => s.bundle) : last!.bundles,
    indexed,
    tables,
  };
  writeFileSync(`${statePath}.tmp`, JSON.stringify(state));
  renameSync(`${statePath}.tmp`, statePath);
  // An incremental build still serves the shards from the last full one: their cache entries stay.
  if (full) searchCache.prune();
  console.log(`构建完成：dist/（用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒）。`);
  console.log('Build complete: dist/.');
}

// The one place a failure becomes an exit code (errors.ts); the staging folder goes with it.
// (exit, not exitCode: a failed Astro or Pagefind step may leave handles open.)
await main().catch((err: unknown) => {
  process.exit(buildFailure(err, () => rmSync(staging, { recursive: true, force: true })));
});
