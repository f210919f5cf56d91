import { getCollection, type CollectionEntry } from 'astro:content';
import siteConfigInput from '../content/site.config';
import { parseSiteConfig } from '../lib/model/site-config';
import { categoryColumn, type Column } from '../lib/site/page-tags';
import { deriveSite, type SiteStructure } from '../lib/site/derive';
import { siteListings, type Listing } from '../lib/site/listings';
import { buildRole } from '../lib/build/build-role';
import { isDevBroken, type DevBrokenNotice } from '../lib/content/dev-broken';

/** The Astro side of the site's data: the collection read once per build and derived once. */
export const siteConfig = parseSiteConfig(siteConfigInput);
export type NoticeEntry = CollectionEntry<'notices'>;
/** 办理结果类别 code → label, in the site's own scheme. */
export const resultClassLabels: ReadonlyMap<string, string> = new Map(
  siteConfig.resultClasses.map((c) => [c.code, c.label]),
);

let cached: Promise<SiteStructure<NoticeEntry>> | undefined;

/** npm run dev only: the notices that fail the check, with their reports (content.config.ts). */
export async function loadDevBroken(): Promise<Array<{ id: string; notice: DevBrokenNotice }>> {
  if (!import.meta.env.DEV) return [];
  return (await getCollection('notices')).flatMap((e) =>
    isDevBroken(e.data) ? [{ id: e.id, notice: e.data }] : [],
  );
}

let listings: Promise<Map<string, Listing<NoticeEntry>>> | undefined;

/** The site's paginated listings by key (siteListings()): the one registry page routes take their listings from. */
export function loadListings(): Promise<Map<string, Listing<NoticeEntry>>> {
  if (import.meta.env.DEV) listings = undefined;
  listings ??= loadSite().then((site) => new Map(siteListings(site).map((l) => [l.key, l])));
  return listings;
}

export function loadSite(): Promise<SiteStructure<NoticeEntry>> {
  // The dev server reads the collection afresh: notices change while it runs.
  if (import.meta.env.DEV) cached = undefined;
  cached ??= noticeEntries().then((all) => {
    // npm run dev keeps broken notices as markers (content.config.ts): no listing shows them.
    const entries = all.filter((e) => !isDevBroken(e.data));
    const site = deriveSite(
      entries.map((entry) => ({ id: entry.id, data: entry.data, entry })),
      siteConfig,
    );
    // A "notices" process holds only its part: 上一篇 / 下一篇 come from the whole site, worked out by the build.
    const role = buildRole();
    return role.kind === 'notices'
      ? { ...site, neighboursOf: (indexNo: string) => role.part.neighbours[indexNo] ?? {} }
      : site;
  });
  return cached;
}

/**
 * Every notice of the site as an entry. A "site" process's content store holds only the notices it
 * renders pages for; the others are the check's metadata (build-role.ts), made entries here as the
 * store would give them. Through the store, 100,000 notices' metadata cost ~12 s of every such
 * process: written out as a module, bundled and compiled again.
 */
async function noticeEntries(): Promise<NoticeEntry[]> {
  const loaded = await getCollection('notices');
  const role = buildRole();
  if (role.kind !== 'site') return loaded;
  const ids = new Set(loaded.map((e) => e.id));
  const others = role.metadata.entries
    .filter((e) => !ids.has(e.id))
    .map(
      (e) =>
        ({
          id: e.id,
          data: e.data,
          // The store keeps no empty body.
          ...(e.lead ? { body: e.lead } : {}),
          collection: 'notices',
        }) as NoticeEntry,
    );
  return [...loaded, ...others];
}

/** A category's page column (its tags), from the site's configuration. */
export function columnOf(categoryName: string): Column {
  return categoryColumn(siteConfig.categories.find((c) => c.name === categoryName)!);
}
