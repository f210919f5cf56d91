import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** axe-core's WCAG 2.2 AA violations on the page as it is now, one line each (rule: targets). */
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated over the DevTools protocol: an injected <script> would (rightly) be blocked by the CSP.
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(async (tags) => {
    // @ts-expect-error axe is injected above
    // The WCAG tags, plus landmark-unique (a best practice): two unnamed search forms are two landmarks a screen reader cannot tell apart.
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
    // @ts-expect-error axe is injected above
    const unique = await window.axe.run(document, {
      runOnly: { type: 'rule', values: ['landmark-unique'] },
    });
    r.violations.push(...unique.violations);
    return r.violations.map(
      (v: { id: string; nodes: Array<{ target: string[] }> }) =>
        `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
  }, AXE_TAGS);
  return result;
}
