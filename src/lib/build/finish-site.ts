import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SiteConfig } from '../model/site-config';
import type { NoticeRecordSpec } from '../search/records';
import { BuildError } from './errors';
import { describeBrokenLink, findBrokenLinksInWorker } from './link-check';
import { buildManifest, listFiles, MANIFEST_FILE, serialiseManifest } from './manifest';
import { writeBundleList } from './search-bundles';
import { newCorpus, StoreWriter, takeBundleTexts, writeTablesFor } from './search-texts';
import type { Shard } from './shards';

/**
 * The last steps of a full build and of a merge of parts, once every page and bundle is in
 * `staging`: the bundle list, the search tables over every notice's text, the link check and the
 * integrity manifest. `known` are hashes of files already hashed and unchanged since.
 * The links are checked on a worker thread while the tables are written (neither reads the other's
 * files); the link check's step time is then what it took beyond the tables.
 */
export async function finishSite(o: {
  staging: string;
  work: string;
  config: SiteConfig;
  /** The search records, newest first, in their shards. */
  shards: ReadonlyArray<Shard<NoticeRecordSpec>>;
  known: ReadonlyMap<string, string>;
  step: (name: string) => void;
}): Promise<void> {
  const { staging, work, config, shards, known, step } = o;
  // Every page is in place: the tables add none (they are under /search/, not pages).
  const links = findBrokenLinksInWorker(staging, config.url);
  // Settled here so a failure of the tables does not leave the worker's rejection unhandled.
  links.catch(() => {});
  // Which bundles hold records (after incremental builds, also which of their records are replaced).
  writeBundleList(
    staging,
    shards.map((s) => s.bundle),
  );
  // The search page answers from tables over every notice's text (src/lib/search/contract.ts).
  const corpus = newCorpus();
  const store = new StoreWriter(work);
  for (const s of shards) {
    const texts = takeBundleTexts(staging, s.bundle);
    for (const t of texts) corpus.add(t.url, t);
    store.append(texts);
  }
  store.finish();
  await writeTablesFor(
    staging,
    shards.flatMap((s) => s.items.map((i) => i.url)),
    corpus,
  );
  step('搜索表');

  // Link integrity: every internal link and attachment must resolve in the built site.
  const broken = await links;
  if (broken.length) {
    for (const b of broken.slice(0, 50)) console.error(describeBrokenLink(b));
    throw new BuildError(
      `${broken.length} 个链接或附件无法打开（见上）`,
      `${broken.length} links or attachments are broken`,
    );
  }
  step('站内链接检查');
  // The integrity manifest: SHA-256 of every published file (npm run verify checks a deployed copy).
  const published = listFiles(staging);
  writeFileSync(
    join(staging, MANIFEST_FILE),
    serialiseManifest(buildManifest(staging, published, known)),
  );
  step('完整性清单');
}
