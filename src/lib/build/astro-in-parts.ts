import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckedNotice } from '../content/validate-notice';
import type { SiteConfig } from '../model/site-config';
import { NOTICES_DIR } from '../content/paths';
import { indexNoSlug } from '../model/index-no';
import { BUILD_ROLE_ENV, planParts, type PlannedPart, type SiteMetadata } from './partitions';
import { mergePart, mergeSitePages } from './merge-parts';
import type { NoticeData } from '../model/notice-schema';
import type { Neighbours } from '../site/derive';
import { CHILDREN, runTsChild } from './child-process';
import { siteRoleFile, writeSiteRole } from './build-role';
import { BUNDLE_LOCK_ENV } from './bundle-lock';

const ASTRO_BUILD = CHILDREN.astroBuild;

/** What the "site" process renders from: every notice's checked data and lead (checkNotices keeps both). */
export function siteMetadata(notices: readonly CheckedNotice[]): SiteMetadata {
  return {
    entries: notices.map((n) => ({
      id: indexNoSlug(n.data!.indexNo),
      data: n.data!,
      lead: n.lead!,
    })),
  };
}

/** Runs the site (or a notices) Astro process for `root` with its role; throws with its message. */
export async function runAstroRole(
  root: string,
  role: string,
  out: string,
  cache: string,
  label: string,
  lock?: string,
): Promise<void> {
  const r = await runTsChild(ASTRO_BUILD, [root, out, cache], {
    [BUILD_ROLE_ENV]: role,
    ...(lock ? { [BUNDLE_LOCK_ENV]: lock } : {}),
  });
  if (r.status !== 0) throw new Error(`${label}：\n${r.stderr.trim()}`);
}

/**
 * The Astro step of a large site's build, in fresh processes (partitions.ts): the site pages from
 * the check's metadata, and the notice pages in parts of at most `size`; their outputs merged
 * into `staging`. Throws with the failing process's message.
 * Two processes at a time for parts of up to 5,000 notices (astroLanes), which take turns at
 * syncing and bundling (bundle-lock.ts):
 * one renders its pages while the next syncs and bundles.
 */
export async function astroInParts(opts: {
  root: string;
  staging: string;
  work: string;
  notices: readonly CheckedNotice[];
  config: SiteConfig;
  size: number;
  /** siteNeighbours() of these notices, when the caller has worked it out already. */
  neighboursOf?: (data: NoticeData) => Neighbours;
  /** Called each time a part's notice pages are in `staging` (the full build starts indexing them). */
  afterPart?: () => void;
}): Promise<{ parts: number }> {
  const { root, staging, work, config } = opts;
  const parts = planParts(relativeNotices(opts.notices), config, opts.size, opts.neighboursOf);
  rmSync(staging, { recursive: true, force: true });
  await renderNoticeParts({
    root,
    work,
    siteDir: staging,
    parts,
    afterPart: opts.afterPart,
    alsoSitePages: opts.notices,
  });
  return { parts: parts.length };
}

/** The site pages (home, listings, feeds, open data, reports) into `siteDir`, from the notices' checked metadata. */
export async function renderSitePages(o: {
  root: string;
  work: string;
  siteDir: string;
  notices: readonly CheckedNotice[];
}): Promise<void> {
  const dir = join(o.work, 'parts');
  mkdirSync(dir, { recursive: true });
  try {
    await sitePagesJob(o, dir)();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The site process as a job of renderNoticeParts (its role file in `dir`). */
function sitePagesJob(
  o: { root: string; work: string; siteDir: string; notices: readonly CheckedNotice[] },
  dir: string,
): () => Promise<void> {
  return async () => {
    const role = siteRoleFile(dir);
    const out = join(dir, 'site-out');
    try {
      writeSiteRole(role.file, siteMetadata(o.notices));
      await runAstroRole(
        o.root,
        `site:${role.file}`,
        out,
        join(o.work, 'cache-site'),
        '站点页面',
        bundleLock(o.work),
      );
    } finally {
      role.remove();
    }
    mergeSitePages(out, o.siteDir);
  };
}

/** Checked notices as planParts takes them: files relative to the notices folder. */
export function relativeNotices(
  notices: readonly CheckedNotice[],
): Array<{ file: string; data: NoticeData }> {
  return notices.map((n) => ({ file: n.file.slice(NOTICES_DIR.length + 1), data: n.data! }));
}

/**
 * How many Astro processes run at once. Each leaves most of a core idle while it renders (10,000
 * notices on 2 cores: 40 % idle); a second one syncs and bundles meanwhile (bundle-lock.ts). Two
 * only while every part is at most TWO_LANES_PART_MAX notices: a notices process of 15,000 holds
 * 2–2.9 GB, and two of them beside Pagefind and the build's own process passed 4 GB at 100,000
 * notices, where Pagefind beside Astro already keeps both cores busy.
 */
export function astroLanes(parts: ReadonlyArray<{ files: readonly string[] }>): number {
  return parts.every((p) => p.files.length <= TWO_LANES_PART_MAX) ? 2 : 1;
}
const TWO_LANES_PART_MAX = 5000;

/** The lock Astro processes of one build take turns with (bundle-lock.ts). */
const bundleLock = (work: string) => join(work, 'astro-bundle.lock');

/**
 * Renders planned parts of notice pages, one "notices" Astro process each, astroLanes() at a time,
 * and moves each one's pages (both modes) and assets into `siteDir` (merge-parts.ts); with
 * `alsoSitePages`, the site process runs first among them. The first failure stops the build
 * (the processes already running are waited for).
 */
export async function renderNoticeParts(o: {
  root: string;
  work: string;
  siteDir: string;
  parts: readonly PlannedPart[];
  /** Called after each part's pages are moved into `siteDir`. */
  afterPart?: () => void;
  /** Also render the site pages from these notices' metadata (renderSitePages). */
  alsoSitePages?: readonly CheckedNotice[];
}): Promise<void> {
  const dir = join(o.work, 'notice-parts');
  mkdirSync(dir, { recursive: true });
  const jobs: Array<() => Promise<void>> = [];
  if (o.alsoSitePages) jobs.push(sitePagesJob({ ...o, notices: o.alsoSitePages }, dir));
  for (const [k, part] of o.parts.entries())
    jobs.push(async () => {
      const label = `第 ${k + 1} 部分（${part.files.length} 篇）`;
      const roleFile = join(dir, `part-${k}.json`);
      const out = join(dir, `part-${k}-out`);
      writeFileSync(roleFile, JSON.stringify(part));
      await runAstroRole(
        o.root,
        `notices:${roleFile}`,
        out,
        join(o.work, `cache-part-${k}`),
        label,
        bundleLock(o.work),
      );
      mergePart(out, o.siteDir, part.ids, label);
      o.afterPart?.();
    });
  try {
    await runInLanes(jobs, astroLanes(o.parts));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs `jobs` in order, `lanes` at a time; after a failure starts no more, and throws the first. */
async function runInLanes(jobs: ReadonlyArray<() => Promise<void>>, lanes: number): Promise<void> {
  let next = 0;
  let failure = null as { err: unknown } | null;
  const lane = async () => {
    while (!failure && next < jobs.length) {
      const job = jobs[next++]!;
      try {
        await job();
      } catch (err) {
        failure ??= { err };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(lanes, jobs.length) }, lane));
  if (failure) throw failure.err;
}
