/** Grouping and pagination for listing pages; pure, so the same rules serve pages, feeds and reports. */

export const PAGE_SIZE = 20;

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

export function pageCount(total: number, size = PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / size));
}

export function pageSlice<T>(items: readonly T[], page: number, size = PAGE_SIZE): T[] {
  return items.slice((page - 1) * size, page * size);
}

/**
 * The numbered page links to show: first, last, and a window around the current page, with
 * `null` where numbers are skipped (rendered as …).
 */
export function pageNumbers(current: number, last: number, window = 2): Array<number | null> {
  const out: Array<number | null> = [];
  for (let p = 1; p <= last; p++) {
    if (p === 1 || p === last || Math.abs(p - current) <= window) out.push(p);
    else if (out.at(-1) !== null) out.push(null);
  }
  return out;
}

/** The neighbours of an item in an ordered list (previous = newer, next = older). */
export function neighbours<T>(items: readonly T[], index: number): { prev: T | undefined; next: T | undefined } {
  return { prev: index > 0 ? items[index - 1] : undefined, next: items[index + 1] };
}
