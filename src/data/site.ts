import { getCollection, type CollectionEntry } from 'astro:content';
import siteConfigInput from '../content/site.config';
import { parseSiteConfig } from '../lib/model/site-config';
import { deriveSite, type SiteStructure } from '../lib/site/derive';

/** The Astro side of the site's data: the collection read once per build and derived once. */
export const siteConfig = parseSiteConfig(siteConfigInput);
export type NoticeEntry = CollectionEntry<'notices'>;

let cached: Promise<SiteStructure<NoticeEntry>> | undefined;

export function loadSite(): Promise<SiteStructure<NoticeEntry>> {
  cached ??= getCollection('notices').then((entries) =>
    deriveSite(
      entries.map((entry) => ({ id: entry.id, data: entry.data, entry })),
      siteConfig,
    ),
  );
  return cached;
}
