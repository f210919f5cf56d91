import { it } from 'vitest';
import { launchChromium } from '../helpers/browser';
import { serveStatic } from '../helpers/static-server';

it('explore', async () => {
  const srv = await serveStatic(process.env.DIST ?? '/work/main/dist');
  const b = await launchChromium();
  const p = await b.newPage();
  await p.goto(srv.url + '/');
  const queries = JSON.parse(process.env.QUERIES ?? '[]');
  const out = await p.evaluate(`(async () => {
    const pf = await import('/pagefind/pagefind.js');
    await pf.options({ excerptLength: 30 });
    await pf.init();
    const res = {};
    for (const q of ${JSON.stringify(queries)}) {
      const r = await pf.search(q);
      const d = await Promise.all(r.results.slice(0, 3).map((x) => x.data()));
      res[q] = { n: r.results.length, unfiltered: r.unfilteredResultCount, top: d.map((x) => x.meta.title + ' | ' + x.excerpt.slice(0, 90)) };
    }
    res.filters = await pf.filters();
    const one = await (await pf.search('越城区')).results[0].data();
    res.sample = { url: one.url, meta: one.meta, filters: one.filters, words: one.word_count, content: one.content.slice(0, 150) };
    return res;
  })()`);
  console.log(JSON.stringify(out, null, 1));
  await b.close(); await srv.close();
}, 60000);
