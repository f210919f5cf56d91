import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const HTMLCS_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('html_codesniffer/build/HTMLCS.js'),
  'utf8',
);

/**
 * HTML_CodeSniffer's WCAG 2 AA errors (the engine pa11y runs; a second engine beside axe), one
 * line each: its code, the element and its message. Notices and warnings, which need a person to
 * judge, are left out.
 */
export async function htmlcsErrors(page: Page): Promise<string[]> {
  await page.evaluate(HTMLCS_SOURCE);
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve) => {
        // @ts-expect-error HTMLCS is injected above
        const cs = window.HTMLCS;
        cs.process('WCAG2AA', document, () => {
          const errors = cs.getMessages().filter((m: { type: number }) => m.type === 1);
          resolve(
            errors.map(
              (m: { code: string; element: Element; msg: string }) =>
                `${m.code.split('.').slice(-2).join('.')} <${m.element.tagName.toLowerCase()}${m.element.id ? `#${m.element.id}` : ''}>: ${m.msg.slice(0, 120)}`,
            ),
          );
        });
      }),
  );
}
