/**
 * Which link and image addresses content may carry. Browsers ignore tabs, newlines and control
 * characters inside a scheme and accept any case and character references, so addresses are
 * normalised that way before the scheme is read (java&#x09;script:, JaVaScRiPt:, &#106;avascript:).
 */
const NAMED: Record<string, string> = {
  colon: ':',
  tab: '\t',
  newline: '\n',
  amp: '&',
  lpar: '(',
  rpar: ')',
  sol: '/',
  period: '.',
};

export function decodeReferences(value: string): string {
  let prev: string;
  let out = value;
  // References can be nested once decoded (&amp;#106;), so decode until stable (bounded).
  for (let i = 0; i < 3; i++) {
    prev = out;
    out = out.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (m, e: string) => {
      if (e[0] === '#') {
        const cp =
          e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return Number.isFinite(cp) && cp >= 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
      }
      return NAMED[e.toLowerCase()] ?? m;
    });
    if (out === prev) break;
  }
  return out;
}

export function schemeOf(url: string): string | null {
  // eslint-disable-next-line no-control-regex
  const cleaned = decodeReferences(url)
    .replace(/[\u0000-\u0020\u007f-\u009f\u00ad\u200b-\u200f\u2028\u2029\ufeff]/g, '')
    .toLowerCase();
  return /^([a-z][a-z0-9+.-]*):/.exec(cleaned)?.[1] ?? null;
}

const SAFE_IMAGE_DATA = /^data:image\/(?:png|jpe?g|gif|webp|avif);/i;

/** null when the address is allowed; otherwise why not, in Chinese. */
export function urlProblem(url: string, kind: 'link' | 'image'): string | null {
  const scheme = schemeOf(url);
  if (scheme === null || scheme === 'http' || scheme === 'https') return null;
  if (kind === 'link' && (scheme === 'mailto' || scheme === 'tel')) return null;
  if (scheme === 'data' && kind === 'image') {
    const cleaned = decodeReferences(url).replace(/\s+/g, '');
    if (SAFE_IMAGE_DATA.test(cleaned)) return null;
    return `图片不允许使用 data: 地址（PNG/JPEG/GIF/WebP 图片除外）`;
  }
  return `不允许 ${scheme}: 地址（只允许 http/https 网址、站内路径${kind === 'link' ? '、mailto:、tel:' : ''}）`;
}
