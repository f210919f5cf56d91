/** Pagination of listing pages; pure, so the same rules serve pages, the sitemap and the build. */

export const PAGE_SIZE = 20;

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
