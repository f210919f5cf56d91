import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { decodeCharacterReferences } from '../html-text';
import { workerAnswer } from '../worker-answer';

/**
 * Every internal link and resource in a built site must resolve to a file in it. Reads each page's
 * href/src/action attributes (the HTML Astro writes is regular), resolves them like a browser, and
 * looks the target up on disk.
 */
export interface BrokenLink {
  page: string;
  href: string;
  /** Why, for an external address (its syntax); absent: an internal target that does not exist. */
  reason?: string;
}

/** One broken link as the build log says it. */
export const describeBrokenLink = (b: BrokenLink): string =>
  `  ${b.page}：链接 ${b.href} ${b.reason ?? '指向的文件不存在'}`;

/**
 * What is wrong with an external http(s) address's syntax, or null: the build cannot fetch other
 * sites, but an address whose host cannot exist (Chinese punctuation swallowed into it) is broken
 * for every reader.
 */
export function externalLinkProblem(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return '不是合法的网址';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (
    !/^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z][a-z0-9-]*[a-z0-9]$/i.test(url.hostname) &&
    !/^\d{1,3}(?:\.\d{1,3}){3}$/.test(url.hostname)
  ) {
    return `的主机名「${decodeURIComponent(url.hostname)}」不合法（是否把网址后面的文字或标点也写进了链接？）`;
  }
  return null;
}

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
export function findBrokenLinks(
  dir: string,
  pages: readonly string[],
  site: string,
  resolves: (path: string) => boolean = (p) => resolvesInSite(dir, p),
): BrokenLink[] {
  const origin = new URL(site).origin;
  const broken: BrokenLink[] = [];
  const cache = new Map<string, boolean>();
  for (const page of pages) {
    const html = readFileSync(join(dir, page), 'utf8');
    const base = new URL('/' + page.replace(/index\.html$/, ''), origin);
    for (const m of html.matchAll(ATTR)) {
      const raw = decodeCharacterReferences(m[1]!);
      if (!raw || raw.startsWith('#') || /^(?:mailto|tel|data):/i.test(raw)) continue;
      let url: URL;
      try {
        url = new URL(raw, base);
      } catch {
        broken.push({ page, href: raw, reason: '不是合法的网址' });
        continue;
      }
      if (url.origin !== origin) {
        const problem = /^https?:/i.test(raw) ? externalLinkProblem(raw) : null;
        if (problem) broken.push({ page, href: raw, reason: problem });
        continue;
      }
      const path = posix.normalize(url.pathname);
      let ok = cache.get(path);
      if (ok === undefined) cache.set(path, (ok = resolves(path)));
      if (!ok) broken.push({ page, href: raw });
    }
  }
  return broken;
}

/** findBrokenLinks over every page of `dir`, on a worker thread (link-check-worker.ts), so the main thread can go on. */
export function findBrokenLinksInWorker(dir: string, site: string): Promise<BrokenLink[]> {
  return workerAnswer(new URL('./link-check-worker.ts', import.meta.url), { dir, site });
}
