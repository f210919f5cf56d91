/** Display formats shared by pages, feeds and open data. */

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const FORMATS: Record<string, string> = {
  pdf: 'PDF',
  doc: 'Word',
  docx: 'Word',
  wps: 'WPS',
  xls: 'Excel',
  xlsx: 'Excel',
  et: 'WPS 表格',
  csv: 'CSV',
  ppt: 'PowerPoint',
  pptx: 'PowerPoint',
  txt: '文本',
  zip: 'ZIP 压缩包',
  rar: 'RAR 压缩包',
  ofd: 'OFD',
  jpg: 'JPEG 图片',
  jpeg: 'JPEG 图片',
  png: 'PNG 图片',
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
 * The first sentence of a Markdown body's real text, as plain text, for descriptions and feeds:
 * not the letterhead (浙江省科学技术厅), a salutation (冯观萍代表：), a heading (一、创新型城市方面;
 * a short numbered line), a table or markup; capped at `max` characters. A body with nothing else
 * falls back to its first text.
 */
export function firstSentence(markdown: string, max = 120): string {
  let fallback: string | null = null;
  for (const block of markdown.split(/\n\s*\n/)) {
    const text = plainText(block);
    if (!text) continue;
    fallback ??= text;
    if (!isBodyText(text)) continue;
    return sentenceOf(text, max);
  }
  return fallback ? sentenceOf(fallback, max) : '';
}

function sentenceOf(text: string, max: number): string {
  const sentence = /^.+?[。！？](?=.|$)/u.exec(text)?.[0] ?? text;
  return sentence.length > max ? sentence.slice(0, max - 1) + '…' : sentence;
}

/** A block's plain text, without Markdown, tables, tags or spaces. */
function plainText(block: string): string {
  return block
    .replace(/^#{1,6}\s.*$/gm, '')
    .replace(/^\|.*\|$/gm, '')
    .replace(/<[^>]+>|\{[^}]*\}/g, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\\(.)/g, '$1')
    .replace(/[*_`~]/g, '')
    .replace(/\s+/g, '')
    .trim();
}

/** Short lines are letterheads, salutations, headings or numbered item titles, not body text. */
function isBodyText(text: string): boolean {
  if (text.length >= 30) return true;
  if (/[：:]$/.test(text)) return false; // 冯观萍代表：
  if (/^[（(]?[一二三四五六七八九十\d]+[、.．)）]/.test(text)) return false; // 一、… 1、… （一）…
  return /[。！？；，,;]/.test(text); // 浙江省科学技术厅 has none
}

/** Whether a block can open a description (leadBlocks stops after it). */
function leadText(block: string): string | null {
  const text = plainText(block);
  return text && isBodyText(text) ? text : null;
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
