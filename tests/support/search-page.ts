import type { Page } from 'playwright-core';

export interface SearchPageResult {
  status: string;
  heading: string;
  state: string;
  /** The count the page states (data-count; empty for a partial list). */
  count: number | null;
  /** Results in display order. */
  results: Array<{ path: string; title: string; excerpt: string; marks: string[] }>;
  moreVisible: boolean;
  /** Search start to results shown, in the page (ms). */
  ms: number;
}

/** Waits until the search page shows the answer to `query` (its data-state done or partial). */
export async function waitForAnswer(page: Page, query: string): Promise<void> {
  await page.waitForFunction(
    (q) => {
      const app = document.getElementById('search-app')!;
      return (
        app.dataset.query === q && (app.dataset.state === 'done' || app.dataset.state === 'partial')
      );
    },
    query.trim(),
    { timeout: 60_000 },
  );
}

export function readSearchPage(page: Page): Promise<SearchPageResult> {
  return page.evaluate(() => {
    const app = document.getElementById('search-app')!;
    return {
      status: document.getElementById('search-status')!.textContent ?? '',
      heading: document.getElementById('search-results-heading')!.textContent ?? '',
      state: app.dataset.state ?? '',
      count: app.dataset.count ? Number(app.dataset.count) : null,
      results: [...document.querySelectorAll('#search-result-list li')].map((li) => ({
        path: new URL((li.querySelector('a') as HTMLAnchorElement).href).pathname,
        title: li.querySelector('a')!.textContent ?? '',
        excerpt: li.querySelector('.result-excerpt')?.textContent ?? '',
        marks: [...li.querySelectorAll('.result-excerpt mark')].map((m) => m.textContent ?? ''),
      })),
      moreVisible: !(document.getElementById('search-more') as HTMLButtonElement).hidden,
      ms: Number(app.dataset.ms),
    };
  });
}

/** Opens /search/?q=… (the shareable GET form target; `extra` adds filters, sort, n) and reads the answer. */
export async function searchFor(
  page: Page,
  base: string,
  query: string,
  extra = '',
): Promise<SearchPageResult> {
  const logged: string[] = [];
  const onConsole = (m: { type(): string; text(): string }) =>
    logged.push(`${m.type()}: ${m.text()}`);
  page.on('console', onConsole);
  await page.goto(`${base}/search/?q=${encodeURIComponent(query)}${extra}`);
  try {
    await waitForAnswer(page, query);
  } catch (err) {
    // Say what the page showed, and what it logged: a bare timeout does not.
    const shown = await page
      .evaluate(
        () =>
          `${document.getElementById('search-app')!.dataset.state}: ${document.getElementById('search-status')!.textContent}`,
      )
      .catch(() => '?');
    throw new Error(`${(err as Error).message}\nsearch page ${shown}\n${logged.join('\n')}`);
  } finally {
    page.off('console', onConsole);
  }
  return readSearchPage(page);
}
