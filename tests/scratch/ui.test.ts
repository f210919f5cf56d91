import { it } from 'vitest';
import { launchChromium } from '../helpers/browser';
import { serveStatic } from '../helpers/static-server';

it('ui', async () => {
  const srv = await serveStatic('/work/main/dist');
  const b = await launchChromium();
  const p = await b.newPage({ viewport: { width: 1000, height: 1100 } });
  p.on('console', (m) => console.log('console', m.text()));
  p.on('pageerror', (e) => console.log('pageerror', e.message));
  for (const q of ['系統', '火星创新', '研发投入', '冯观萍']) {
    await p.goto(srv.url + '/search/?q=' + encodeURIComponent(q));
    await p.waitForFunction(() => !/正在搜索|^$/.test(document.getElementById('search-status')!.textContent!), null, { timeout: 5000 }).catch(() => {});
    console.log(q, '→', await p.textContent('#search-status'), (await p.$$eval('#search-result-list h3', (h) => h.map((x) => x.textContent))).join(' / '));
  }
  await p.goto(srv.url + '/search/?q=' + encodeURIComponent('研发投入'));
  await p.waitForTimeout(800);
  await p.screenshot({ path: '/work/main/screenshots/search-1000.png' });
  await b.close(); await srv.close();
}, 60000);
