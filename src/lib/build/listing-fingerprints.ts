import { createHash } from 'node:crypto';
import type { Listing } from '../site/listings';
import { pageCount, pageSlice } from '../site/pagination';

/**
 * A listing page is made only from what siteListings() says its listing shows, the listing's size
 * and order (its page count, 共 N 条, where groups begin), the groups of its notices (a library's
 * headings count every notice of a group) and its own notices (their data and lead). So with the
 * same code and configuration a page with the same fingerprint is the same page, and an
 * incremental build renders again only the pages whose fingerprints changed: a title edit, one
 * page of each listing holding the notice; a notice added or moved, every page of its listings.
 * Keys are listingPageKey(listing key, page). `digestOf` gives a notice's digest (incremental.ts
 * NoticeDigest: its data and lead hashes).
 */
export function listingFingerprints<E>(
  listings: ReadonlyArray<Listing<E>>,
  digestOf: (indexNo: string) => string,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const listing of listings) {
    const frame = createHash('sha256').update(JSON.stringify(listing.shows));
    for (const n of listing.notices)
      frame.update(`\u0000${n.data.indexNo}\u0000${listing.groupOf?.(n) ?? ''}`);
    const whole = frame.digest('hex');
    for (let page = 1; page <= pageCount(listing.notices.length); page++) {
      const hash = createHash('sha256').update(`${whole}\u0000${page}`);
      for (const n of pageSlice(listing.notices, page))
        hash.update(`\u0000${digestOf(n.data.indexNo)}`);
      out[listingPageKey(listing.key, page)] = hash.digest('hex');
    }
  }
  return out;
}

/** The key of page `page` of the listing `key` (listingKey in src/lib/site/listings.ts). */
export const listingPageKey = (key: string, page: number) => `${key}#${page}`;

/** The listing key and page number of a listingPageKey. */
export function listingPageOf(pageKey: string): { key: string; page: number } {
  const at = pageKey.lastIndexOf('#');
  return { key: pageKey.slice(0, at), page: Number(pageKey.slice(at + 1)) };
}

/** The listing pages that may differ from the last build's: new ones, and those whose fingerprint changed. */
export function changedListings(
  last: Readonly<Record<string, string>>,
  now: Readonly<Record<string, string>>,
): string[] {
  return Object.keys(now)
    .filter((key) => last[key] !== now[key])
    .sort();
}
