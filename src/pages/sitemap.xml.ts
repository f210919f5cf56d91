import type { APIRoute } from 'astro';
import { loadSite, siteConfig } from '../data/site';
import { loadReports } from '../data/reports';
import { pageCount } from '../lib/site/pagination';
import { paths } from '../lib/site/routes';
import { LIBRARY_PARTS } from '../lib/site/listings';
import type { PolicyLibrary } from '../lib/site/policy-library';

/** The pages of the 现行有效 library and of the rules no longer in force (site-wide, or of a category). */
function libraryUrls(library: PolicyLibrary<unknown>, categorySlug?: string): Array<[string]> {
  return LIBRARY_PARTS.flatMap((part) => {
    const size = (part === 'in-force' ? library.inForce : library.notInForce).length;
    return Array.from({ length: pageCount(size) }, (_, i): [string] => [
      paths.library(part, categorySlug, i + 1),
    ]);
  });
}

/**
 * sitemap.xml of every standard-mode page (care-mode twins carry a canonical link to these).
 * Notices carry their 发布日期 as lastmod; nothing depends on the build time.
 */
export const GET: APIRoute = async () => {
  const site = await loadSite();
  const urls: Array<[string, string?]> = [
    [paths.home()],
    [paths.browse()],
    [paths.years()],
    [paths.search()],
  ];
  for (const c of site.categories) {
    for (let p = 1; p <= pageCount(c.notices.length); p++) urls.push([paths.category(c.slug, p)]);
    if (c.sessions.length) urls.push([paths.sessions(c.slug)]);
    for (const s of c.sessions)
      for (let p = 1; p <= pageCount(s.notices.length); p++)
        urls.push([paths.session(c.slug, s.slug, p)]);
    if (c.library) urls.push(...libraryUrls(c.library, c.slug));
  }
  if (site.library) urls.push(...libraryUrls(site.library));
  urls.push([paths.reports()]);
  for (const r of await loadReports()) urls.push([paths.report(r.year)]);
  for (const i of site.issuers)
    for (let p = 1; p <= pageCount(i.notices.length); p++) urls.push([paths.issuer(i.slug, p)]);
  for (const y of site.years)
    for (let p = 1; p <= pageCount(y.notices.length); p++) urls.push([paths.year(y.year, p)]);
  for (const n of site.notices)
    urls.push([paths.notice(n.data.indexNo), n.data.publishedAt.slice(0, 10)]);
  const body = urls
    .map(
      ([path, lastmod]) =>
        `<url><loc>${new URL(path, siteConfig.url).href}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}</url>`,
    )
    .join('\n');
  return new Response(
    `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</urlset>\n`,
    {
      headers: { 'Content-Type': 'application/xml; charset=utf-8' },
    },
  );
};
