import { indexNoSlug } from '../model/index-no';

/** The fields listing helpers need; Astro entries and generated data both fit. */
export interface ListedNotice {
  id: string;
  data: { indexNo: string; date: string; publishedAt: string; title: string; draft: boolean };
}

/** Published notices, newest 发文日期 first; ties by 发布日期 then 索引号 so every build orders alike. */
export function newestFirst<T extends ListedNotice>(notices: readonly T[]): T[] {
  return notices
    .filter((n) => !n.data.draft)
    .sort(
      (a, b) =>
        b.data.date.localeCompare(a.data.date) ||
        b.data.publishedAt.localeCompare(a.data.publishedAt) ||
        a.data.indexNo.localeCompare(b.data.indexNo),
    );
}

/** The notice's permanent path, derived from its 索引号. */
export function noticePath(indexNo: string): string {
  return `/notices/${indexNoSlug(indexNo)}/`;
}

/** 2024-08-12 → 2024年08月12日, the way 政务公开 pages print dates. */
export function formatDateZh(date: string): string {
  const [y, m, d] = date.slice(0, 10).split('-');
  return `${y}年${m}月${d}日`;
}

/** 2024-08-12T09:48:00+08:00 → 2024-08-12 09:48 (shown in the notice's own offset). */
export function formatDateTime(value: string): string {
  return value.slice(0, 16).replace('T', ' ');
}
