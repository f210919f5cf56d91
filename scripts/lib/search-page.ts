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
  await page.goto(`${base}/search/?q=${encodeURIComponent(query)}${extra}`);
  await page.waitForFunction(
    (q) => {
      const app = document.getElementById('search-app')!;
      return app.dataset.query === q && (app.dataset.state === 'done' || app.dataset.state === 'partial');
    },
    query.trim(),
    { timeout: 15_000 },
  );
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
