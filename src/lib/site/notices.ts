/** The fields ordering needs; Astro entries and generated data both fit. */
export interface ListedNotice {
  id: string;
  data: { indexNo: string; date: string; publishedAt: string; title: string; draft: boolean };
}

/**
 * "Newest first", the one order of the site: newest 发文日期 first; ties by 发布日期 (newest first) then
 * 索引号, so every build — listings, feeds and search's notice numbers — orders alike.
 */
export function compareNewestFirst(a: Pick<ListedNotice['data'], 'date' | 'publishedAt' | 'indexNo'>, b: Pick<ListedNotice['data'], 'date' | 'publishedAt' | 'indexNo'>): number {
  return b.date.localeCompare(a.date) || b.publishedAt.localeCompare(a.publishedAt) || a.indexNo.localeCompare(b.indexNo);
}

/** Published notices, newest first (compareNewestFirst). */
export function newestFirst<T extends ListedNotice>(notices: readonly T[]): T[] {
  return notices.filter((n) => !n.data.draft).sort((a, b) => compareNewestFirst(a.data, b.data));
}
