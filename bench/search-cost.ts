import { launchChromium } from '../tests/support/chromium';
import { serveStatic } from '../tests/support/static-server';
import { readSearchPage, waitForAnswer } from '../tests/support/search-page';
import { expected, requestQuery, truthDocs, visitorQueries } from '../tests/support/search-truth';

/**
 * What visitors' queries cost through the real search page in Chromium: each query of every kind
 * (search-truth.ts visitorQueries) on a fresh search page, the bytes it fetches of the search data
 * (the tables, the records shown, the character map; not the page's HTML, CSS or script) as served
 * here uncompressed, and the time from the search's start to its answer on the page. Each answer's
 * count and first page are checked against the notices' text as well.
 */
export async function searchCost(dist: string, log: (line: string) => void = () => {}) {
  const docs = truthDocs(dist);
  const queries = visitorQueries(docs);
  const server = await serveStatic(dist);
  const browser = await launchChromium();
  const rows: Array<{ kind: string; q: string; kb: number; ms: number; right: boolean }> = [];
  try {
    for (const r of queries) {
      const page = await browser.newPage();
      let fetched = 0;
      page.on('requestfinished', async (req) => {
        if (
          !/\/search\/(?:index\.json|keys\/|pack\/|docs\/|t2s\/|t2s\.txt)|\/fragment\//.test(
            req.url(),
          )
        )
          return;
        const sizes = await req.sizes().catch(() => null);
        if (sizes) fetched += sizes.responseBodySize + sizes.responseHeadersSize;
      });
      await page.goto(`${server.url}/search/?${requestQuery(r)}`);
      await waitForAnswer(page, r.q);
      const got = await readSearchPage(page);
      // Let the last responses' sizes arrive.
      await page.waitForTimeout(50);
      const want = expected(docs, r).urls;
      const right = want.length
        ? got.count === want.length &&
          JSON.stringify(got.results.map((x) => x.path)) === JSON.stringify(want.slice(0, 10))
        : got.count === null || got.count === 0;
      rows.push({ kind: r.kind, q: r.q, kb: fetched / 1024, ms: got.ms, right });
      log(
        `${r.kind} ${r.q || JSON.stringify(r.filters)}: ${(fetched / 1024).toFixed(0)} KB, ${got.ms} ms, ${got.count ?? 'partial'}${right ? '' : ' WRONG'}`,
      );
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const kbs = rows.map((r) => r.kb);
  const mss = rows.map((r) => r.ms);
  const worst = rows.reduce((a, b) => (b.kb > a.kb ? b : a));
  return {
    queries: rows.length,
    right: rows.filter((r) => r.right).length,
    medianKb: median(kbs),
    maxKb: Math.max(...kbs),
    worst,
    medianMs: median(mss),
    maxMs: Math.max(...mss),
    rows,
  };
}

/** The bench's one-line summary of searchCost. */
export function searchCostNote(s: Awaited<ReturnType<typeof searchCost>>): string {
  return `${s.queries} visitor queries on fresh pages: ${s.right}/${s.queries} answers match the text; fetched median ${s.medianKb.toFixed(0)} KB, max ${s.maxKb.toFixed(0)} KB (${s.worst.kind}「${s.worst.q.slice(0, 20)}」); time to the answer median ${s.medianMs} ms, max ${s.maxMs} ms in the page`;
}
