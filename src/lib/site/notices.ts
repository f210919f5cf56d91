/** The fields ordering needs; Astro entries and generated data both fit. */
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
