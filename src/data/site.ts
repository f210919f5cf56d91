import { getCollection, type CollectionEntry } from 'astro:content';
import siteConfigInput from '../content/site.config';
import { parseSiteConfig } from '../lib/model/site-config';
import { deriveSite, type SiteStructure } from '../lib/site/derive';
import { buildRole } from '../lib/build/build-role';

/** The Astro side of the site's data: the collection read once per build and derived once. */
export const siteConfig = parseSiteConfig(siteConfigInput);
export type NoticeEntry = CollectionEntry<'notices'>;
/** 办理结果类别 code → label, in the site's own scheme. */
export const resultClassLabels: ReadonlyMap<string, string> = new Map(siteConfig.resultClasses.map((c) => [c.code, c.label]));

let cached: Promise<SiteStructure<NoticeEntry>> | undefined;

export function loadSite(): Promise<SiteStructure<NoticeEntry>> {
  cached ??= getCollection('notices').then((entries) => {
    const site = deriveSite(
      entries.map((entry) => ({ id: entry.id, data: entry.data, entry })),
      siteConfig,
    );
    // A "notices" process holds only its part: 上一篇 / 下一篇 come from the whole site, worked out by the build.
    const role = buildRole();
    return role.kind === 'notices' ? { ...site, neighboursOf: (indexNo: string) => role.part.neighbours[indexNo] ?? {} } : site;
  });
  return cached;
}
