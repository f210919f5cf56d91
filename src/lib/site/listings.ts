import type { SiteNotice, SiteStructure } from './derive';
import { inMode, paths, type LibraryPart } from './routes';

/**
 * The site's paginated listings (a category, a 会议 of a category, an issuer, a year), each under
 * one key: the pages name their listing by it, and an incremental build renders again only the
 * listings whose keys it names (src/lib/build/listing-fingerprints.ts).
 */
export const listingKey = {
  category: (slug: string) => `category/${slug}`,
  session: (categorySlug: string, sessionSlug: string) => `session/${categorySlug}/${sessionSlug}`,
  issuer: (slug: string) => `issuer/${slug}`,
  year: (year: string) => `year/${year}`,
  /** The rules in force or no longer in force: site-wide (no category) or of a category. */
  library: (part: LibraryPart, categorySlug?: string) => `library/${categorySlug ?? '-'}/${part}`,
};

export const LIBRARY_PARTS: readonly LibraryPart[] = ['in-force', 'not-in-force'];

export interface Listing<E> {
  key: string;
  /** The notices it lists, in order. */
  notices: SiteNotice<E>[];
  /** What else its pages show that comes from the notices (names and titles are the config's or in the notices' data). */
  shows: Record<string, string | number>;
  /** The URL of its page n (standard mode), as its pages link them. */
  pagePath: (page: number) => string;
  /** The heading a notice is listed under, when its pages group them (each heading counts its whole group). */
  groupOf?: (n: SiteNotice<E>) => string;
}

/** A library's pages group the documents by 文件类型 (LibraryPage.astro). */
export const libraryGroup = (n: { data: { docType?: string } }): string => n.data.docType ?? '';

/** Every paginated listing of the site and what its pages are made from (ListingPage.astro and the pages that use it). */
export function siteListings<E>(site: SiteStructure<E>): Listing<E>[] {
  return [
    ...site.categories.flatMap((c) => [
      {
        key: listingKey.category(c.slug),
        notices: c.notices,
        shows: {
          name: c.name,
          sessions: c.sessions.length,
          ...(c.library && { in: c.library.inForce.length, out: c.library.notInForce.length }),
        },
        pagePath: (n: number) => paths.category(c.slug, n),
      },
      ...c.sessions.map((s) => ({
        key: listingKey.session(c.slug, s.slug),
        notices: s.notices,
        shows: { category: c.name, name: s.name },
        pagePath: (n: number) => paths.session(c.slug, s.slug, n),
      })),
    ]),
    ...site.categories.flatMap((c) => (c.library ? libraryListings(c.library, c) : [])),
    ...(site.library ? libraryListings(site.library) : []),
    ...site.issuers.map((i) => ({
      key: listingKey.issuer(i.slug),
      notices: i.notices,
      shows: { name: i.name },
      pagePath: (n: number) => paths.issuer(i.slug, n),
    })),
    ...site.years.map((y) => ({
      key: listingKey.year(y.year),
      notices: y.notices,
      shows: { year: y.year },
      pagePath: (n: number) => paths.year(y.year, n),
    })),
  ];
}

function libraryListings<E>(
  library: NonNullable<SiteStructure<E>['library']>,
  category?: { name: string; slug: string },
): Listing<E>[] {
  return LIBRARY_PARTS.map((part) => ({
    key: listingKey.library(part, category?.slug),
    notices: part === 'in-force' ? library.inForce : library.notInForce,
    // The other listing's size is shown beside it (the link between the two).
    shows: {
      category: category?.name ?? '',
      in: library.inForce.length,
      out: library.notInForce.length,
    },
    pagePath: (n: number) => paths.library(part, category?.slug, n),
    groupOf: libraryGroup,
  }));
}

/** The files of page `n` of a listing, in both modes (relative to the site folder). */
export function listingPageFiles(listing: Pick<Listing<unknown>, 'pagePath'>, n: number): string[] {
  return (['standard', 'care'] as const).map(
    (mode) => `${inMode(listing.pagePath(n), mode).slice(1)}index.html`,
  );
}
