/** The fields ordering needs; Astro entries and generated data both fit. */
export interface ListedNotice {
  id: string;
  data: { indexNo: string; date: string; publishedAt: string; title: string; draft: boolean };
}

/**
 * "Newest first", the one order of the site: newest 发文日期 first; ties by 发布日期 (newest first) then
 * 索引号, so every build — listings, feeds and search's notice numbers — orders alike.
 */
export function compareNewestFirst(
  a: Pick<ListedNotice['data'], 'date' | 'publishedAt' | 'indexNo'>,
  b: Pick<ListedNotice['data'], 'date' | 'publishedAt' | 'indexNo'>,
): number {
  return (
    b.date.localeCompare(a.date) ||
    b.publishedAt.localeCompare(a.publishedAt) ||
    a.indexNo.localeCompare(b.indexNo)
  );
}

/** Published notices, newest first (compareNewestFirst). */
export function newestFirst<T extends ListedNotice>(notices: readonly T[]): T[] {
  return notices.filter((n) => !n.data.draft).sort((a, b) => compareNewestFirst(a.data, b.data));
}

/** Groups items by a key, keeping the items' order inside each group and the groups' first-seen order. */
export function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** The neighbours of an item in an ordered list (previous = newer, next = older). */
export function neighbours<T>(
  items: readonly T[],
  index: number,
): { prev: T | undefined; next: T | undefined } {
  return { prev: index > 0 ? items[index - 1] : undefined, next: items[index + 1] };
}
