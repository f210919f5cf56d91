import { readFileSync } from 'node:fs';
import { listingPageKey } from './listing-fingerprints';
import { BUILD_ROLE_ENV, type BuildRole, type NoticesPart, type SiteMetadata } from './partitions';

let cached: BuildRole | undefined;

/**
 * This Astro process's part of a partitioned build (see partitions.ts), from GONGKAI_BUILD_ROLE;
 * "whole" when unset (every build of a site below the partition size).
 */
export function buildRole(): BuildRole {
  return (cached ??= readRole(process.env[BUILD_ROLE_ENV]));
}

function readRole(value: string | undefined): BuildRole {
  if (!value) return { kind: 'whole' };
  const [kind, file] = [value.slice(0, value.indexOf(':')), value.slice(value.indexOf(':') + 1)];
  const json = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  if (kind === 'notices') return { kind, part: json as NoticesPart };
  if (kind === 'site') return { kind, metadata: json as SiteMetadata };
  throw new Error(`${BUILD_ROLE_ENV}=${value}: expected notices:<file> or site:<file>`);
}

/** Whether this process renders notice pages, and the other pages (listings, home, feeds …). */
export function rendersNoticePages(role: BuildRole = buildRole()): boolean {
  return role.kind !== 'site' || !!role.metadata.notices?.ids.length;
}

/** Whether this process renders the page of the notice `id` (a site process holds every notice, most as metadata only). */
export function rendersNoticePage(id: string, role: BuildRole = buildRole()): boolean {
  return role.kind !== 'site' || !!role.metadata.notices?.ids.includes(id);
}
export function rendersSitePages(role: BuildRole = buildRole()): boolean {
  return role.kind !== 'notices';
}

const listingSets = new WeakMap<string[], Set<string>>();

/** Whether this process renders page `page` of the listing `key` (src/lib/site/listings.ts). */
export function rendersListingPage(
  key: string,
  page: number,
  role: BuildRole = buildRole(),
): boolean {
  if (role.kind !== 'site' || !role.metadata.listings) return true;
  const list = role.metadata.listings;
  if (!listingSets.has(list)) listingSets.set(list, new Set(list));
  return listingSets.get(list)!.has(listingPageKey(key, page));
}

/** Set to "render" to render every care page through Astro as its own page (the way before care twins; tests compare the two). */
export const CARE_PAGES_ENV = 'GONGKAI_CARE_PAGES';

/**
 * Whether this build renders each reading page once for both modes, split after rendering
 * (src/lib/site/care-twins.ts); `npm run dev` renders each mode, as it serves pages one by one.
 */
export function rendersTwins(dev: boolean): boolean {
  return !dev && process.env[CARE_PAGES_ENV] !== 'render';
}
