import { inCodeFence } from '../markdown/code-fences';

/**
 * The images of a notice's body, found by their written shape so a path the Markdown parser would
 * not take as an image (one with spaces) is still seen: Markdown `![alt](url "title")` and the
 * `<图 地址="…" 说明="…" 替代文字="…" />` component. Code fences and inline code are skipped.
 */
export interface BodyImage {
  /** 1-based file line. */
  line: number;
  /** The address as written (angle brackets removed). */
  url: string;
  /** Alternative text: the Markdown alt, or 替代文字 (falling back to 说明) for <图>. */
  alt: string;
  /** How it was written, for messages. */
  written: string;
}

const MARKDOWN_IMAGE = /!\[([^\]]*)\]\(\s*(<[^>]*>|[^)"]*?)\s*(?:"[^"]*"\s*)?\)/g;
const FIGURE = /<图(?=[\s/>])([^>]*?)\/?>/g;
const ATTR = (name: string) => new RegExp(`${name}\\s*=\\s*"([^"]*)"`);

export function bodyImages(body: string, bodyLine: number): BodyImage[] {
  const out: BodyImage[] = [];
  // Most notices have no image: one scan of the text instead of a line-by-line walk.
  if (!body.includes('![') && !body.includes('<图')) return out;
  const lines = body.split('\n');
  const code = inCodeFence(lines);
  lines.forEach((raw, i) => {
    if (code[i]) return;
    const text = raw.replace(/`[^`]*`/g, (m) => ' '.repeat(m.length));
    const line = bodyLine + i;
    for (const m of text.matchAll(MARKDOWN_IMAGE)) {
      out.push({ line, url: m[2]!.replace(/^<|>$/g, ''), alt: m[1]!.trim(), written: m[0] });
    }
    for (const m of text.matchAll(FIGURE)) {
      const attrs = m[1]!;
      const url = ATTR('地址').exec(attrs)?.[1];
      if (url === undefined) continue; // a missing 地址 is the component check's to report
      const alt = (ATTR('替代文字').exec(attrs)?.[1] ?? ATTR('说明').exec(attrs)?.[1] ?? '').trim();
      out.push({ line, url, alt, written: m[0] });
    }
  });
  return out;
}
