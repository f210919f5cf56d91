import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { listingPageKey } from './listing-fingerprints';
import { processEnded } from './child-process';
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
  if (kind === 'notices')
    return { kind, part: JSON.parse(readFileSync(file, 'utf8')) as NoticesPart };
  if (kind === 'site') return { kind, metadata: readSiteRole(file) };
  throw new Error(`${BUILD_ROLE_ENV}=${value}: expected notices:<file> or site:<file>`);
}

/**
 * A site role file (writeSiteRole): its first line, and every notice's entry parsed only when asked
 * for. Astro loads the content configuration apart from the pages, so the file is read twice; the
 * configuration needs only the first line (at 100,000 notices the entries take 0.6 s to parse).
 */
function readSiteRole(file: string): SiteMetadata {
  const text = readFileSync(file);
  const cut = text.indexOf(0x0a);
  const first = JSON.parse(text.subarray(0, cut).toString('utf8')) as Omit<SiteMetadata, 'entries'>;
  let entries: SiteMetadata['entries'] | undefined;
  return {
    ...first,
    get entries() {
      return (entries ??= JSON.parse(
        readFileSync(file)
          .subarray(cut + 1)
          .toString('utf8'),
      ) as SiteMetadata['entries']);
    },
  };
}

/** Writes a site role file: what readSiteRole reads. */
export function writeSiteRole(file: string, metadata: SiteMetadata): void {
  const { entries, ...first } = metadata;
  writeFileSync(file, `${JSON.stringify(first)}\n${JSON.stringify(entries)}`);
}

/** Memory-backed files (Linux), where there are. */
const SHM = '/dev/shm';

/**
 * Where a site role file is written and read once: in memory where the system has a memory-backed
 * folder (at 100,000 notices the file is ~130 MB: 1.5 s to write to this machine's disk, 0.2 s to
 * /dev/shm), else in `dir`. Its `remove` is for after the process that reads it has ended.
 */
export function siteRoleFile(dir: string): { file: string; remove: () => void } {
  removeOrphanRoleFiles();
  const file = existsSync(SHM)
    ? join(SHM, `gongkai-site-role-${process.pid}-${Date.now()}.json`)
    : join(dir, 'site.json');
  return { file, remove: () => rmSync(file, { force: true }) };
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

/** Role files left in memory by builds that were killed (their process is gone): they hold memory until removed. */
function removeOrphanRoleFiles(): void {
  if (!existsSync(SHM)) return;
  for (const name of readdirSync(SHM)) {
    const pid = /^gongkai-site-role-(\d+)-/.exec(name)?.[1];
    if (pid && processEnded(Number(pid))) rmSync(join(SHM, name), { force: true });
  }
}
