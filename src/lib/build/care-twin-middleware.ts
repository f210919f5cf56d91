import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { defineMiddleware } from 'astro/middleware';
import { CARE_PREFIX } from '../site/routes';
import { isTwin, splitTwin } from '../site/care-twins';

/** The build's output folder, set by the care-twins integration (care-twin-pages.ts) for this process. */
export const TWIN_OUT_ENV = 'GONGKAI_TWIN_OUT_DIR';

/**
 * As Astro writes a prerendered twin page, its standard page is what Astro writes and its care
 * page is written beside it under /care/ — no page is read back or written twice.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  const outDir = process.env[TWIN_OUT_ENV];
  if (!outDir || !context.isPrerendered) return response;
  if (!(response.headers.get('content-type') ?? '').startsWith('text/html')) return response;
  const html = await response.text();
  const headers = { status: response.status, headers: response.headers };
  if (!isTwin(html)) return new Response(html, headers);
  const path = context.url.pathname;
  if (!path.endsWith('/'))
    throw new Error(`care twin: ${path} is not a folder page (care-twins.ts)`);
  const pages = splitTwin(html, CARE_PREFIX);
  const care = join(outDir, CARE_PREFIX, decodeURI(path), 'index.html');
  mkdirSync(dirname(care), { recursive: true });
  writeFileSync(care, pages.care);
  return new Response(pages.standard, headers);
});
