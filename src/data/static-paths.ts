import type { Mode } from '../lib/site/routes';
import { pageCount } from '../lib/site/pagination';
import {
  rendersListingPage,
  rendersNoticePages,
  rendersSitePages,
  rendersTwins,
} from '../lib/build/build-role';
import { loadListings } from './site';

/**
 * Route helpers: every reading page exists twice, at its path and under /care/ (the `[...mode]`
 * rest parameter is undefined or "care"), and listings have numbered pages (`[...page]` is
 * undefined for page 1, "2", "3" …). A build renders the two once, as a twin page at the standard
 * path, which the care-twins integration splits (src/lib/site/care-twins.ts).
 */
export function withModes<P extends Record<string, string | undefined>, Pr>(
  routes: Array<{ params: P; props: Pr }>,
  kind: 'notice' | 'site' = 'site',
): Array<{ params: P & { mode: string | undefined }; props: Pr & { mode: Mode } }> {
  // A partitioned build's processes each render one kind of page (build-role.ts).
  if (!(kind === 'notice' ? rendersNoticePages() : rendersSitePages())) return [];
  if (rendersTwins(import.meta.env.DEV))
    return routes.map((r) => ({
      params: { ...r.params, mode: undefined },
      props: { ...r.props, mode: 'twin' as Mode },
    }));
  return routes.flatMap((r) => [
    { params: { ...r.params, mode: undefined }, props: { ...r.props, mode: 'standard' as Mode } },
    { params: { ...r.params, mode: 'care' }, props: { ...r.props, mode: 'care' as Mode } },
  ]);
}

/**
 * The numbered pages of the listing registered under `key` in siteListings() (src/lib/site/listings.ts),
 * so a page route and the build's listing fingerprints cannot disagree on a listing's key or size;
 * only those this process renders (an incremental build keeps the unchanged pages).
 */
export async function withPages<P extends Record<string, string | undefined>, Pr>(
  key: string,
  params: P,
  props: Pr,
) {
  const listing = (await loadListings()).get(key);
  if (!listing)
    throw new Error(
      `listing ${key} is not registered in siteListings() (src/lib/site/listings.ts)`,
    );
  return Array.from({ length: pageCount(listing.notices.length) }, (_, i) => i + 1)
    .filter((page) => rendersListingPage(key, page))
    .map((page) => ({
      params: { ...params, page: page === 1 ? undefined : String(page) },
      props: { ...props, page },
    }));
}
