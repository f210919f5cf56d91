import type { Page } from 'playwright-core';

export interface SearchPageResult {
  status: string;
  heading: string;
  partial: boolean;
  /** Result paths in display order, and whether each contains the query text itself. */
  results: Array<{ path: string; exact: boolean; title: string }>;
}

/** Opens /search/?q=… (the shareable GET form target) and waits until the results are on the page. */
export async function searchFor(page: Page, base: string, query: string, extra = ''): Promise<SearchPageResult> {
  const logged: string[] = [];
  const onConsole = (m: { type(): string; text(): string }) => logged.push(`${m.type()}: ${m.text()}`);
  page.on('console', onConsole);
  await page.goto(`${base}/search/?q=${encodeURIComponent(query)}${extra}`);
  try {
    await page.waitForFunction(
      (q) => {
        const app = document.getElementById('search-app')!;
        return app.dataset.query === q && (app.dataset.state === 'done' || app.dataset.state === 'partial');
      },
      query.trim(),
      { timeout: 30_000 },
    );
  } catch (err) {
    // Say what the page showed, and what it logged: a bare timeout does not.
    const shown = await page.evaluate(() => `${document.getElementById('search-app')!.dataset.state}: ${document.getElementById('search-status')!.textContent}`).catch(() => '?');
    throw new Error(`${(err as Error).message}\nsearch page ${shown}\n${logged.join('\n')}`);
  } finally {
    page.off('console', onConsole);
  }
  return page.evaluate(() => ({
    status: document.getElementById('search-status')!.textContent ?? '',
    heading: document.getElementById('search-results-heading')!.textContent ?? '',
    partial: document.getElementById('search-app')!.dataset.state === 'partial',
    results: [...document.querySelectorAll('#search-result-list li')].map((li) => ({
      path: new URL((li.querySelector('a') as HTMLAnchorElement).href).pathname,
      exact: li.classList.contains('exact'),
      title: li.querySelector('a')!.textContent ?? '',
    })),
  }));
}
