import { posix } from 'node:path';
import type { NoticeData } from '../model/notice-schema';
import type { SiteConfig } from '../model/site-config';
import { indexNoSlug } from '../model/index-no';
import { deriveSite, type Neighbours, type SiteStructure } from '../site/derive';

/**
 * A large site is built by several Astro processes, so no one process holds every notice:
 * - one "site" process renders everything but the notice pages (home, listings, feeds, reports,
 *   open data) from the notices' metadata, written by `npm run build` from the check's results;
 * - one "notices" process per part renders that part's notice pages (both modes) from its files.
 * A single Astro process keeps every rendered notice in its content store and inlines that store
 * into one bundle: at 100,000 notices it can neither write nor bundle it.
 */
export const DEFAULT_PARTITION_SIZE = 15000;

/**
 * The most notices one Astro process renders a whole site for. Above it, at least two notices
 * parts: at 10,000 notices one process peaked at 2.4–2.5 GB, a site process and two notices
 * processes of 5,000 at 1.6–1.9 GB, in the same time within this machine's noise (80.0 / 105.5 s
 * against 90.1 / 98.7 s, alternated runs).
 */
export const ONE_PROCESS_MAX = 5000;

/**
 * How many notices each notices process of a full build renders, or null for one process
 * rendering the whole site: parts of at most `partitionSize` (GONGKAI_PARTITION_SIZE), and at
 * least two above ONE_PROCESS_MAX.
 */
export function noticesPartSize(notices: number, partitionSize: number): number | null {
  if (notices <= partitionSize && notices <= ONE_PROCESS_MAX) return null;
  return Math.min(partitionSize, Math.ceil(notices / 2));
}

/** What a "notices" process is given: its files (relative to the notices folder) and their neighbours. */
export interface NoticesPart {
  files: string[];
  neighbours: Record<string, Neighbours>;
}

/** What the "site" process is given: every notice's id, checked data and lead (leadBlocks of its body). */
export interface SiteMetadata {
  entries: Array<{ id: string; data: NoticeData; lead: string }>;
  /**
   * Notices whose pages this process renders as well, loaded from their files (an incremental
   * build's changed notices: one Astro process instead of two). `files` are relative to the
   * notices folder; `ids` are their pages.
   */
  notices?: { files: string[]; ids: string[] };
  /**
   * The pages of paginated listings (listingPageKey in listing-fingerprints.ts) this process
   * renders; the others are not made, and the build keeps the last build's (an incremental build's
   * listing pages whose fingerprints did not change). Absent: every page of every listing.
   */
  listings?: string[];
}

export type BuildRole =
  | { kind: 'whole' }
  | { kind: 'notices'; part: NoticesPart }
  | { kind: 'site'; metadata: SiteMetadata };

/** The environment variable carrying a process's role: `notices:<json file>` or `site:<json file>`. */
export const BUILD_ROLE_ENV = 'GONGKAI_BUILD_ROLE';

/** Files in parts of at most `size`, in path order (a year's folder stays together). */
export function partitionFiles(files: readonly string[], size: number): string[][] {
  const sorted = [...files].sort();
  const count = Math.max(1, Math.ceil(sorted.length / size));
  const per = Math.ceil(sorted.length / count);
  return Array.from({ length: count }, (_, i) => sorted.slice(i * per, (i + 1) * per));
}

/**
 * glob() patterns matching exactly `files`: brace lists of 100 escaped paths each. One pattern per
 * file costs tinyglobby about 4 ms per pattern over 100,000 files (44 s for 10,000 patterns);
 * picomatch refuses a pattern over 64 KB, so one brace list for all cannot work either.
 */
export function exactFilePatterns(files: readonly string[], perPattern = 100): string[] {
  const escaped = files.map(escapeGlob);
  const out: string[] = [];
  for (let i = 0; i < escaped.length; i += perPattern) {
    const chunk = escaped.slice(i, i + perPattern);
    out.push(chunk.length === 1 ? chunk[0]! : `{${chunk.join(',')}}`);
  }
  return out;
}

/** A path with every glob special character (and the brace list's comma) escaped. */
export function escapeGlob(path: string): string {
  return posix.normalize(path).replace(/[\\()[\]{}*?!^+@,|$]/g, '\\$&');
}

/** One "notices" process's work: its part, and the ids whose pages it must produce. */
export interface PlannedPart extends NoticesPart {
  ids: string[];
}

/**
 * Splits checked notices into parts of at most `size` files and works out, from the whole site,
 * each published notice's neighbours (the only thing a notice page needs from other notices).
 * `file` is relative to the notices folder; `data` is the check's validated data.
 */
export function planParts(
  notices: ReadonlyArray<{ file: string; data: NoticeData }>,
  config: SiteConfig,
  size: number,
  neighboursOf = siteNeighbours(notices, config),
): PlannedPart[] {
  const plan = partPlanner(notices, neighboursOf);
  return partitionFiles(
    notices.map((n) => n.file),
    size,
  ).map(plan);
}

/** One part holding exactly `files` (an incremental build re-renders only the notices that changed). */
export function planPart(
  notices: ReadonlyArray<{ file: string; data: NoticeData }>,
  config: SiteConfig,
  files: readonly string[],
  neighboursOf = siteNeighbours(notices, config),
): PlannedPart {
  return partPlanner(notices, neighboursOf)([...files].sort());
}

/** Each notice's neighbours (上一篇 / 下一篇 in its category) over the whole site; a draft has none. */
export function siteNeighbours(
  notices: ReadonlyArray<{ data: NoticeData }>,
  config: SiteConfig,
): (data: NoticeData) => Neighbours {
  return neighboursIn(deriveSiteData(notices, config));
}

/** The site's structure (listings, neighbours) from the notices' checked data alone, as the build knows them. */
export function deriveSiteData(
  notices: ReadonlyArray<{ data: NoticeData }>,
  config: SiteConfig,
): SiteStructure<null> {
  return deriveSite(
    notices.map((n) => ({ id: indexNoSlug(n.data.indexNo), data: n.data, entry: null })),
    config,
  );
}

/** siteNeighbours() of a site already derived. */
export function neighboursIn(
  site: Pick<SiteStructure<unknown>, 'neighboursOf'>,
): (data: NoticeData) => Neighbours {
  return (data) => (data.draft ? {} : site.neighboursOf(data.indexNo));
}

function partPlanner(
  notices: ReadonlyArray<{ file: string; data: NoticeData }>,
  neighboursOf: (data: NoticeData) => Neighbours,
): (files: string[]) => PlannedPart {
  const byFile = new Map(notices.map((n) => [n.file, n.data]));
  return (files) => {
    const published = files.map((f) => byFile.get(f)!).filter((d) => !d.draft);
    return {
      files,
      ids: published.map((d) => indexNoSlug(d.indexNo)),
      neighbours: Object.fromEntries(published.map((d) => [d.indexNo, neighboursOf(d)])),
    };
  };
}
