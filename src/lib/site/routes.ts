import { indexNoSlug } from '../model/index-no';
import { TWIN_LINK, type ReadingMode } from './care-twins';

export type { ReadingMode };

/**
 * Every URL the site publishes, in one place. Each reading page has a care-mode (适老化) twin
 * under /care/: the same content with the large-text, high-contrast stylesheet, and links that
 * stay in care mode — no JavaScript or cookie needed.
 */
/**
 * How a page is rendered: in one reading mode, or once for both ("twin", split after rendering by
 * care-twins.ts so that a care page costs no second render).
 */
export type Mode = ReadingMode | 'twin';
export const CARE_PREFIX = '/care';

export function inMode(path: string, mode: Mode): string {
  if (mode === 'twin') return `${TWIN_LINK}${path}`;
  return mode === 'care' ? `${CARE_PREFIX}${path}` : path;
}

export type LibraryPart = 'in-force' | 'not-in-force';

export const paths = {
  home: () => '/',
  notice: (indexNo: string) => paths.noticeBySlug(indexNoSlug(indexNo)),
  /** A notice's page by its slug (indexNoSlug of its 索引号). */
  noticeBySlug: (slug: string) => `/notices/${slug}/`,
  browse: () => '/browse/',
  category: (slug: string, page = 1) => `/categories/${slug}/${page > 1 ? `${page}/` : ''}`,
  sessions: (slug: string) => `/categories/${slug}/sessions/`,
  /** The rules in force (`in-force`) or no longer in force (`not-in-force`): site-wide under /browse/, or of one category. */
  library: (part: LibraryPart, categorySlug?: string, page = 1) =>
    `${categorySlug ? `/categories/${categorySlug}` : '/browse'}/${part}/${page > 1 ? `${page}/` : ''}`,
  session: (categorySlug: string, sessionSlug: string, page = 1) =>
    `/categories/${categorySlug}/sessions/${sessionSlug}/${page > 1 ? `${page}/` : ''}`,
  issuer: (slug: string, page = 1) => `/issuers/${slug}/${page > 1 ? `${page}/` : ''}`,
  years: () => '/years/',
  year: (year: string | number, page = 1) => `/years/${year}/${page > 1 ? `${page}/` : ''}`,
  search: () => '/search/',
  reports: () => '/reports/',
  report: (year: number) => `/reports/${year}/`,
  reportCsv: (year: number) => `/reports/${year}/statistics.csv`,
  /** A written report's table of section 二, 三 or 四 as CSV. */
  reportTableCsv: (year: number, section: 2 | 3 | 4) => `/reports/${year}/section-${section}.csv`,
  feed: () => '/feed.xml',
  categoryFeed: (slug: string) => `/categories/${slug}/feed.xml`,
  data: (format: 'json' | 'csv') => `/data/notices.${format}`,
};

/**
 * The built site's layout, from the URLs above: a page's file, and the folders of notice pages
 * (each notice a folder of its own, in both modes). The build, the parts merge and the incremental
 * replace read the layout from here.
 */
export const pageFile = (path: string): string => `${path.slice(1)}index.html`;
/** The folders holding each mode's notice pages: notices, care/notices. */
export const NOTICE_FOLDERS: readonly string[] = (['standard', 'care'] as const).map((mode) =>
  inMode('/notices', mode).slice(1),
);
/** A notice's folders in both modes. */
export const noticeFolders = (slug: string): string[] =>
  NOTICE_FOLDERS.map((dir) => `${dir}/${slug}`);

/**
 * A short, stable ASCII slug for names that have no configured one (issuers, sessions):
 * FNV-1a of the name, so the URL never changes while the name does not.
 */
export function stableSlug(name: string): string {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(name)) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36).padStart(7, '0');
}
