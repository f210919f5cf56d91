/** Display formats shared by pages, feeds and open data. */

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const FORMATS: Record<string, string> = {
  pdf: 'PDF', doc: 'Word', docx: 'Word', wps: 'WPS', xls: 'Excel', xlsx: 'Excel', et: 'WPS 表格', csv: 'CSV',
  ppt: 'PowerPoint', pptx: 'PowerPoint', txt: '文本', zip: 'ZIP 压缩包', rar: 'RAR 压缩包', ofd: 'OFD',
  jpg: 'JPEG 图片', jpeg: 'JPEG 图片', png: 'PNG 图片',
};

/** A reader-facing name of a file's format, from its extension. */
export function fileFormat(path: string): string {
  const ext = /\.([a-z0-9]+)$/i.exec(path.split(/[?#]/)[0]!)?.[1]?.toLowerCase();
  return ext ? (FORMATS[ext] ?? ext.toUpperCase()) : '文件';
}

/** 2024-08-12T09:48:00+08:00 → 2024-08-12 09:48; a midnight default (no time given) → 2024-08-12. */
export function formatDateTime(value: string): string {
  const time = value.slice(11, 19);
  return time === '00:00:00' ? value.slice(0, 10) : value.slice(0, 16).replace('T', ' ');
}

/** 2024-08-12 → 2024年08月12日 */
export function formatDateZh(date: string): string {
  const [y, m, d] = date.slice(0, 10).split('-');
  return `${y}年${m}月${d}日`;
}

/**
 * The first sentence of a Markdown body, as plain text, for descriptions and feeds: headings,
 * salutations (冯观萍代表：), tables and markup skipped; capped at `max` characters.
 */
export function firstSentence(markdown: string, max = 120): string {
  for (const block of markdown.split(/\n\s*\n/)) {
    const text = leadText(block);
    if (!text) continue;
    const sentence = /^.+?[。！？](?=.|$)/u.exec(text)?.[0] ?? text;
    return sentence.length > max ? sentence.slice(0, max - 1) + '…' : sentence;
  }
  return '';
}

/** A block's plain text if it can open a description (not empty, not an addressee line ending in a colon). */
function leadText(block: string): string | null {
  const text = block
    .replace(/^#{1,6}\s.*$/gm, '')
    .replace(/^\|.*\|$/gm, '')
    .replace(/<[^>]+>|\{[^}]*\}/g, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\\(.)/g, '$1')
    .replace(/[*_`~]/g, '')
    .replace(/\s+/g, '')
    .trim();
  return !text || /[：:]$/.test(text) ? null : text;
}

/**
 * The start of a Markdown body up to the block firstSentence takes its sentence from: all a page
 * needs of the body once rendered, so the content store need not keep whole bodies (at 100,000
 * notices they made Astro's store too large to write).
 */
export function leadBlocks(markdown: string): string {
  const separator = /\n\s*\n/g;
  let start = 0;
  for (let m = separator.exec(markdown); ; m = separator.exec(markdown)) {
    const end = m ? m.index : markdown.length;
    if (leadText(markdown.slice(start, end))) return markdown.slice(0, end);
    if (!m) return markdown;
    start = m.index + m[0].length;
  }
}
