import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { CARE_PREFIX } from '../site/routes';
import { isTwin, twinPage } from '../site/care-twins';

/**
 * Writes the two pages of every twin page Astro rendered into `outDir`: the standard page in its
 * place and the care page under /care/. Returns how many twins it split.
 */
export function splitTwinPages(outDir: string): number {
  let count = 0;
  for (const rel of htmlFiles(outDir, '')) {
    const file = join(outDir, rel);
    const html = readFileSync(file, 'utf8');
    if (!isTwin(html)) continue;
    const care = join(outDir, CARE_PREFIX, rel);
    mkdirSync(dirname(care), { recursive: true });
    writeFileSync(care, twinPage(html, 'care', CARE_PREFIX));
    writeFileSync(file, twinPage(html, 'standard', CARE_PREFIX));
    count++;
  }
  return count;
}

/** The HTML files below `dir` (relative), leaving out Astro's assets. */
function htmlFiles(root: string, rel: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(root, rel), { withFileTypes: true })) {
    const path = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (path !== '_astro') out.push(...htmlFiles(root, path));
    } else if (entry.name.endsWith('.html')) out.push(path);
  }
  return out;
}

/** The Astro integration: every build splits its twin pages once Astro has written them. */
export function careTwins(): AstroIntegration {
  return {
    name: 'gongkai:care-twins',
    hooks: {
      'astro:build:done': ({ dir }) => {
        splitTwinPages(fileURLToPath(dir));
      },
    },
  };
}
