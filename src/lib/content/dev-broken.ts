import type { Problem } from './problem';

/**
 * `npm run dev` keeps a notice that fails the check as this marker entry instead of stopping: the
 * pages leave it out of every listing and its own URL shows the check's report.
 */
export interface DevBrokenNotice {
  devBroken: true;
  file: string;
  problems: Problem[];
  /** The title and 索引号 as written, when there are any (for the page's URL and heading). */
  title?: string;
  indexNo?: string;
}

export function devBroken(file: string, problems: Problem[], raw: unknown): DevBrokenNotice {
  const n = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  return {
    devBroken: true,
    file,
    problems,
    ...(typeof n.title === 'string' ? { title: n.title } : {}),
    ...(typeof n.indexNo === 'string' ? { indexNo: n.indexNo } : {}),
  };
}

export const isDevBroken = (data: unknown): data is DevBrokenNotice =>
  !!data && typeof data === 'object' && (data as { devBroken?: unknown }).devBroken === true;

/** Where the dev server shows a broken notice's report: its 索引号's URL, or one from its file name. */
export function devBrokenSlug(
  n: DevBrokenNotice,
  indexNoSlug: (indexNo: string) => string,
): string {
  if (n.indexNo && /^[^\s?#]+$/.test(n.indexNo)) return indexNoSlug(n.indexNo);
  return n.file
    .replace(/^src\/content\/notices\//, '')
    .replace(/\.mdx?$/, '')
    .replace(/[^\w\u4e00-\u9fff-]+/g, '-');
}
