/**
 * The 政务公开 metadata header as scraped: `key: value` runs on one line
 * (`索引号: X 组配分类: Y`) or `|`-separated table rows (`索引号: | X | 发布机构: | Y |`).
 */

/** Header labels and the frontmatter key each fills. */
export const HEADER_KEYS = {
  索引号: 'indexNo',
  组配分类: 'category',
  发布机构: 'issuer',
  发文日期: 'date',
  公开方式: 'disclosure',
  公开范围: 'scope',
  文号: 'docNo',
} as const;
export type HeaderKey = (typeof HEADER_KEYS)[keyof typeof HEADER_KEYS];

const LABELS = Object.keys(HEADER_KEYS).join('|');
const FIELD = new RegExp(`(${LABELS})\\s*[:：]\\s*`, 'g');

/** The header fields on one line, or null when the line is not a header line. */
export function parseHeaderLine(line: string): Partial<Record<HeaderKey, string>> | null {
  const flat = line.replace(/\|/g, ' ').replace(/\s+/g, ' ').trim();
  const starts = [...flat.matchAll(FIELD)];
  if (starts.length === 0 || starts[0]!.index !== 0) return null;
  const out: Partial<Record<HeaderKey, string>> = {};
  starts.forEach((m, i) => {
    const end = i + 1 < starts.length ? starts[i + 1]!.index : flat.length;
    const value = flat.slice(m.index + m[0].length, end).trim();
    if (value) out[HEADER_KEYS[m[1] as keyof typeof HEADER_KEYS]] = value;
  });
  return out;
}
