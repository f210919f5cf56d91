/**
 * Scraped body lines → Markdown: every paragraph kept, numbered structure on its own lines,
 * `|`-separated rows as GFM tables, Chinese punctuation where the scraper left ASCII, and every
 * character that Markdown would read as syntax escaped.
 */

const HAN = '\\p{Script=Han}';
const CJK_CLOSE = '”’」』》）】〕';

/** ASCII , : ; ? ! next to Chinese text become their full-width forms; times and URLs stay. */
export function fullWidthPunctuation(text: string): string {
  const map: Record<string, string> = { ',': '，', ':': '：', ';': '；', '?': '？', '!': '！' };
  let out = text.replace(
    new RegExp(`(?<=[${HAN}${CJK_CLOSE}])[,:;?!]|[,;?!](?=[${HAN}“‘「《（])`, 'gu'),
    (c) => map[c]!,
  );
  // Brackets touching Chinese text, as a pair.
  out = out.replace(
    new RegExp(`(?<=[${HAN}${CJK_CLOSE}])\\(([^()\\n]*)\\)|\\(([^()\\n]*${HAN}[^()\\n]*)\\)`, 'gu'),
    (_m, a, b) => `（${a ?? b}）`,
  );
  return out;
}

/** Markers that start a numbered part: 一、 / （一） / 一是 / 1、 */
const NUMBERED = `(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]是|\\d{1,2}、)`;

/**
 * A page that lost its line breaks (seed 004 runs a whole reply into one line) keeps them as a
 * space: split after a sentence-ending mark or a salutation's colon followed by a space, and
 * before a numbering marker that follows a space.
 */
export function splitJoinedLine(line: string): string[] {
  return line
    .split(new RegExp(`(?<=[。！？:：；])\\s+|(?<=[${HAN}${CJK_CLOSE}])\\s+(?=${NUMBERED})`, 'u'))
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A short numbered line without a sentence end reads as a heading. */
export function headingLevel(line: string): 2 | 3 | null {
  if (line.length > 40 || /[。；;，,！？]$/.test(line) || /。/.test(line)) return null;
  if (new RegExp(`^[一二三四五六七八九十]+、`, 'u').test(line)) return 2;
  if (/^[（(][一二三四五六七八九十]+[)）]/u.test(line)) return 3;
  if (/^附件\s*\d*$/.test(line)) return 2;
  return null;
}

/** Escapes what Markdown would otherwise read as syntax inside plain text. */
export function escapeMarkdown(text: string): string {
  return (
    text
      .replace(/\\/g, '\\\\')
      .replace(/([*_`[\]|<>{}~])/g, '\\$1')
      .replace(/^(#{1,6}\s|[-+]\s)/, (m) => '\\' + m)
      // An ordered-list marker: only punctuation can be escaped, so the escape goes before the dot.
      .replace(/^(\d+)([.)])/, '$1\\$2')
  );
}

export function isTableRow(line: string): boolean {
  return (line.match(/\|/g)?.length ?? 0) >= 2 && /[^|\s]/.test(line);
}

function tableCells(line: string): string[] {
  const cells = line.split('|').map((c) => c.trim());
  if (cells.at(-1) === '') cells.pop();
  if (cells[0] === '' && line.trim().startsWith('|')) cells.shift();
  return cells;
}

/** Consecutive `|` rows → one GFM table; the first row is the header. */
export function toGfmTable(rows: string[]): string {
  const cells = rows.map(tableCells);
  const width = Math.max(...cells.map((c) => c.length));
  const line = (c: string[]) =>
    '| ' +
    Array.from({ length: width }, (_, i) =>
      escapeMarkdown(fullWidthPunctuation(c[i] ?? '')).replace(/\\\|/g, '\\|'),
    ).join(' | ') +
    ' |';
  return [
    line(cells[0]!),
    '| ' + Array(width).fill('---').join(' | ') + ' |',
    ...cells.slice(1).map(line),
  ].join('\n');
}

/** Body lines (chrome and metadata already taken out) → Markdown blocks joined by blank lines. */
export function bodyToMarkdown(lines: string[]): string {
  const blocks: string[] = [];
  let table: string[] = [];
  const flush = () => {
    if (table.length >= 2) blocks.push(toGfmTable(table));
    else if (table.length === 1) blocks.push(escapeMarkdown(fullWidthPunctuation(table[0]!)));
    table = [];
  };
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) {
      flush();
      continue;
    }
    if (isTableRow(line)) {
      table.push(line);
      continue;
    }
    flush();
    for (const part of splitJoinedLine(line)) {
      const text = fullWidthPunctuation(part);
      const level = headingLevel(text);
      blocks.push(level ? `${'#'.repeat(level)} ${escapeMarkdown(text)}` : escapeMarkdown(text));
    }
  }
  flush();
  return blocks.join('\n\n');
}
