import { createHash } from 'node:crypto';
import type { Listing } from '../site/listings';

/**
 * A listing's pages are made only from its notices (their data and lead, in order) and what
 * siteListings() says they show, so with the same code and configuration a listing with the same
 * fingerprint has the same pages. An incremental build renders again only the listings whose
 * fingerprints changed (siteListings() of the site).
 * `digestOf` gives a notice's digest (incremental.ts NoticeDigest: its data and lead hashes).
 */
export function listingFingerprints<E>(
  listings: ReadonlyArray<Listing<E>>,
  digestOf: (indexNo: string) => string,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const listing of listings) {
    const hash = createHash('sha256').update(JSON.stringify(listing.shows));
    for (const n of listing.notices) hash.update(`\u0000${digestOf(n.data.indexNo)}`);
    out[listing.key] = hash.digest('hex');
  }
  return out;
}

/** The listings whose pages may differ from the last build's: new ones, and those whose fingerprint changed. */
export function changedListings(
  last: Readonly<Record<string, string>>,
  now: Readonly<Record<string, string>>,
): string[] {
  return Object.keys(now)
    .filter((key) => last[key] !== now[key])
    .sort();
}
