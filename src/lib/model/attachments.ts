import type { RuleResult } from './rule';

/** An attachment link is either a file the site publishes (a path into public/) or an http(s) address. */
export type AttachmentTarget = { kind: 'local'; path: string } | { kind: 'remote'; url: string };

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

export function classifyHref(href: string): AttachmentTarget | null {
  const scheme = SCHEME.exec(href)?.[1]?.toLowerCase();
  if (scheme === 'http' || scheme === 'https') return { kind: 'remote', url: href };
  if (scheme || href.startsWith('//')) return null;
  let path: string;
  try {
    path = decodeURI(href.split(/[?#]/)[0]!).replace(/^\/+/, '');
  } catch {
    return null; // malformed %-escape
  }
  if (path === '' || path.split('/').some((seg) => seg === '..')) return null;
  return { kind: 'local', path };
}

export function checkAttachmentHref(href: string): RuleResult {
  if (classifyHref(href)) return null;
  return {
    zh: `附件地址「${href}」不可用：应为 public/ 下的文件路径（如 /files/通知.pdf）或 http(s):// 地址`,
    en: `attachment href "${href}" must be a path to a file in public/ (e.g. /files/notice.pdf) or an http(s) URL`,
  };
}
