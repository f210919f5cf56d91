import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckedNotice } from '../content/validate-notice';
import type { SiteConfig } from '../model/site-config';
import { NOTICES_DIR } from '../content/paths';
import { indexNoSlug } from '../model/index-no';
import { BUILD_ROLE_ENV, planParts, type PlannedPart, type SiteMetadata } from './partitions';
import { mergePart } from './merge-parts';
import type { NoticeData } from '../model/notice-schema';
import type { Neighbours } from '../site/derive';
import { CHILDREN, runTsChild } from './child-process';
import { writeSiteRole } from './build-role';

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
): Promise<void> {
  const r = await runTsChild(ASTRO_BUILD, [root, out, cache], { [BUILD_ROLE_ENV]: role });
  if (r.status !== 0) throw new Error(`${label}：\n${r.stderr.trim()}`);
}

/**
 * The Astro step of a large site's build, in fresh processes (partitions.ts): the site pages from
 * the check's metadata, and the notice pages in parts of at most `size`; their outputs merged
 * into `staging`. Throws with the failing process's message.
 * One process at a time: every Astro build of a root writes the same <root>/.astro/content-modules.mjs
 * (the MDX modules to bundle), so two at once bundle each other's lists.
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
  // One at a time (see above); the first failure stops the build.
  rmSync(staging, { recursive: true, force: true });
  await renderSitePages({ root, work, siteDir: staging, notices: opts.notices });
  await renderNoticeParts({ root, work, siteDir: staging, parts, afterPart: opts.afterPart });
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
  const roleFile = join(dir, 'site.json');
  writeSiteRole(roleFile, siteMetadata(o.notices));
  try {
    await runAstroRole(
      o.root,
      `site:${roleFile}`,
      o.siteDir,
      join(o.work, 'cache-site'),
      '站点页面',
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Checked notices as planParts takes them: files relative to the notices folder. */
export function relativeNotices(
  notices: readonly CheckedNotice[],
): Array<{ file: string; data: NoticeData }> {
  return notices.map((n) => ({ file: n.file.slice(NOTICES_DIR.length + 1), data: n.data! }));
}

/**
 * Renders planned parts of notice pages, one "notices" Astro process each and one at a time, and
 * moves each one's pages (both modes) and assets into `siteDir` (merge-parts.ts).
 */
export async function renderNoticeParts(o: {
  root: string;
  work: string;
  siteDir: string;
  parts: readonly PlannedPart[];
  /** Called after each part's pages are moved into `siteDir`. */
  afterPart?: () => void;
}): Promise<void> {
  const dir = join(o.work, 'notice-parts');
  mkdirSync(dir, { recursive: true });
  try {
    for (const [k, part] of o.parts.entries()) {
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
      );
      mergePart(out, o.siteDir, part.ids, label);
      o.afterPart?.();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
