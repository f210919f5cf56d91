import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { decodeCharacterReferences } from '../html-text';

/**
 * Every internal link and resource in a built site must resolve to a file in it. Reads each page's
 * href/src/action attributes (the HTML Astro writes is regular), resolves them like a browser, and
 * looks the target up on disk.
 */
export interface BrokenLink {
  page: string;
  href: string;
}

/** One broken link as the build log says it. */
export const describeBrokenLink = (b: BrokenLink): string => `  ${b.page}：链接 ${b.href} 指向的文件不存在`;

const ATTR = /\s(?:href|src|action)="([^"]*)"/g;

export function resolvesInSite(dir: string, path: string): boolean {
  let p: string;
  try {
    p = decodeURIComponent(path);
  } catch {
    return false;
  }
  const full = join(dir, p);
  if (!full.startsWith(dir)) return false;
  if (existsSync(full) && statSync(full).isFile()) return true;
  return existsSync(join(full, 'index.html'));
}

/** `resolves` decides whether a site path exists, by default in `dir` (an incremental build overlays two folders). */
export function findBrokenLinks(dir: string, pages: readonly string[], site: string, resolves: (path: string) => boolean = (p) => resolvesInSite(dir, p)): BrokenLink[] {
  const origin = new URL(site).origin;
  const broken: BrokenLink[] = [];
  const cache = new Map<string, boolean>();
  for (const page of pages) {
    const html = readFileSync(join(dir, page), 'utf8');
    const base = new URL('/' + page.replace(/index\.html$/, ''), origin);
    for (const m of html.matchAll(ATTR)) {
      const raw = decodeCharacterReferences(m[1]!);
      if (!raw || raw.startsWith('#') || /^(?:mailto|tel|data):/i.test(raw)) continue;
      const url = new URL(raw, base);
      if (url.origin !== origin) continue;
      const path = posix.normalize(url.pathname);
      let ok = cache.get(path);
      if (ok === undefined) cache.set(path, (ok = resolves(path)));
      if (!ok) broken.push({ page, href: raw });
    }
  }
  return broken;
}
