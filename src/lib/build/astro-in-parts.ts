import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckedNotice } from '../content/validate-notice';
import type { SiteConfig } from '../model/site-config';
import { NOTICES_DIR } from '../content/paths';
import { indexNoSlug } from '../model/index-no';
import { BUILD_ROLE_ENV, planParts, type SiteMetadata } from './partitions';
import { mergePart } from './merge-parts';
import type { NoticeData } from '../model/notice-schema';
import type { Neighbours } from '../site/derive';
import { CHILDREN, runTsChild } from './child-process';

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
}): Promise<{ parts: number }> {
  const { root, staging, work, config } = opts;
  const dir = join(work, 'parts');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });

  const notices = opts.notices.map((n) => ({
    file: n.file.slice(NOTICES_DIR.length + 1),
    data: n.data!,
  }));
  writeFileSync(join(dir, 'site.json'), JSON.stringify(siteMetadata(opts.notices)));
  const parts = planParts(notices, config, opts.size, opts.neighboursOf);
  const jobs = [
    {
      label: '站点页面',
      role: `site:${join(dir, 'site.json')}`,
      out: join(dir, 'site-out'),
      cache: join(work, 'cache-site'),
    },
    ...parts.map((part, k) => {
      writeFileSync(join(dir, `part-${k}.json`), JSON.stringify(part));
      return {
        label: `第 ${k + 1} 部分（${part.files.length} 篇）`,
        role: `notices:${join(dir, `part-${k}.json`)}`,
        out: join(dir, `part-${k}-out`),
        cache: join(work, `cache-part-${k}`),
      };
    }),
  ];
  try {
    // One at a time (see above); the first failure stops the build.
    for (const job of jobs) await runAstroRole(root, job.role, job.out, job.cache, job.label);
    rmSync(staging, { recursive: true, force: true });
    renameSync(jobs[0]!.out, staging);
    parts.forEach((part, k) => mergePart(jobs[k + 1]!.out, staging, part.ids, jobs[k + 1]!.label));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { parts: parts.length };
}
