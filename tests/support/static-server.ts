import { createServer, type Server } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { IMMUTABLE, isImmutablePath, REVALIDATE } from '../../src/lib/site/cache-policy';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pagefind': 'application/octet-stream',
};

/**
 * A minimal static host for a built site on 127.0.0.1, as a plain web server would serve dist/.
 * With `cachePolicy`, it sends the deployed site's Cache-Control (src/lib/site/cache-policy.ts);
 * without, none (the bench measures a first visit).
 */
export async function serveStatic(
  dir: string,
  opts: { cachePolicy?: boolean } = {},
): Promise<{ url: string; close: () => Promise<void>; server: Server }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = normalize(join(dir, path));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404, { 'Content-Type': TYPES['.html']! });
      createReadStream(join(dir, '404.html')).pipe(res);
      return;
    }
    const cache: Record<string, string> = opts.cachePolicy
      ? { 'Cache-Control': isImmutablePath(path) ? IMMUTABLE : REVALIDATE }
      : {};
    const type = {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Accept-Ranges': 'bytes',
      ...cache,
    };
    // Range requests, as every static host answers them (the search tables' postings are read so).
    const range = /^bytes=(\d+)-(\d+)$/.exec(req.headers.range ?? '');
    if (range) {
      const size = statSync(file).size;
      const start = Number(range[1]);
      const end = Math.min(Number(range[2]), size - 1);
      if (start > end) {
        res.writeHead(416, { 'Content-Range': `bytes */${size}` }).end();
        return;
      }
      res.writeHead(206, {
        ...type,
        'Content-Range': `bytes ${start}-${end}/${size}`,
        'Content-Length': String(end - start + 1),
      });
      createReadStream(file, { start, end }).pipe(res);
      return;
    }
    res.writeHead(200, type);
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    // Chromium may keep a connection open (Pagefind's shared worker outlives the page): close() alone would wait for it.
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
