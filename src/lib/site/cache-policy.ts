/**
 * How long browsers and CDNs may keep the site's files. A file whose name carries a hash of its
 * content never changes: a new build writes a new name. That holds for Vite's assets (/_astro/)
 * and for Pagefind's index files (each bundle's fragment/, index/ and filter/ folders: a changed
 * record gets a new fragment name, measured), so a visitor's later searches and page loads reuse
 * them without asking. Everything else (pages, feeds, pagefind.js and pagefind-entry.json, the
 * bundle list, the term table) keeps the host's default of asking again (Netlify and Cloudflare
 * Pages send must-revalidate); the nginx snippet says no-cache for them, as nginx sends no default.
 */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

/** The immutable paths, as `_headers` rules (`:bundle` is one path segment: /pagefind/, /pagefind-1/ …). */
export const IMMUTABLE_RULES = [
  '/_astro/*',
  '/:bundle/fragment/*',
  '/:bundle/index/*',
  '/:bundle/filter/*',
];

/** The same paths for nginx's `location ~` (a regular expression). */
export const IMMUTABLE_LOCATION = '^/(?:_astro|[^/]+/(?:fragment|index|filter))/';

const IMMUTABLE_PATH = new RegExp(IMMUTABLE_LOCATION);

/** Whether a site path (as requested, starting with /) is one of the immutable paths. */
export function isImmutablePath(path: string): boolean {
  return IMMUTABLE_PATH.test(path);
}
