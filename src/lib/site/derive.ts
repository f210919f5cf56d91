import { isPublished, type NoticeData, type PublishedNoticeData } from '../model/notice-schema';
import type { SiteConfig } from '../model/site-config';
import { REPLY_CATEGORIES } from '../model/notice-schema';
import { groupBy, neighbours, newestFirst } from './notices';
import { stableSlug } from './routes';
import { compareSessions } from '../model/sessions';
import { policyLibrary, type PolicyLibrary } from './policy-library';

/** A published notice as the site's pages see it. */
export interface SiteNotice<E = unknown> {
  id: string;
  data: PublishedNoticeData;
  entry: E;
}

/** Where a notice page's 上一篇 / 下一篇 links point (same category, newer / older). */
export interface NoticeLink {
  indexNo: string;
  title: string;
  /** 发文日期, for lists that show it (相关解读) and a revised 规章's 题注. */
  date?: string;
  /** 文号, for a revised 规章's 题注. */
  docNo?: string;
}
/**
 * Everything a notice page takes from other notices: 上一篇 / 下一篇, and the policy links — the
 * documents it replaces and those replacing it (derived from their `replaces`: editors write one
 * side), the documents it interprets and its 解读. Partitioned and incremental builds carry it per
 * notice, so a change on one side renders the other side's page again.
 */
export interface Neighbours {
  prev?: NoticeLink;
  next?: NoticeLink;
  replaces?: NoticeLink[];
  replacedBy?: NoticeLink[];
  interprets?: NoticeLink[];
  interpretations?: NoticeLink[];
}

export interface CategoryGroup<E> {
  name: string;
  slug: string;
  notices: SiteNotice<E>[];
  /** For 人大代表建议 / 政协提案 (and categories of kind 建议提案): notices grouped by 会议, in the order the sittings met. */
  sessions: Array<{ name: string; slug: string; notices: SiteNotice<E>[] }>;
  /** For a category of kind 政策文件: its rules in force and no longer in force (policy-library.ts). */
  library?: PolicyLibrary<SiteNotice<E>>;
}

export interface SiteStructure<E> {
  notices: SiteNotice<E>[];
  categories: CategoryGroup<E>[];
  issuers: Array<{ name: string; slug: string; notices: SiteNotice<E>[] }>;
  years: Array<{ year: string; notices: SiteNotice<E>[] }>;
  /** The site-wide library of rules in force and no longer in force, when a category holds policy documents. */
  library?: PolicyLibrary<SiteNotice<E>>;
  /** Previous (newer) and next (older) notice in the same category. */
  neighboursOf: (indexNo: string) => Neighbours;
}

const linkTo = (n: SiteNotice<unknown>): NoticeLink => ({
  indexNo: n.data.indexNo,
  title: n.data.title,
});

/** Everything the listings, feeds and reports need, derived once from the published notices. */
export function deriveSite<E>(
  entries: ReadonlyArray<{ id: string; data: NoticeData; entry: E }>,
  config: SiteConfig,
): SiteStructure<E> {
  const published = entries.filter((e): e is SiteNotice<E> => isPublished(e.data));
  const notices = newestFirst(published.map((e) => ({ ...e })));
  const byCategory = groupBy(notices, (n) => n.data.category);
  const categories = config.categories.map((c) => {
    const list = byCategory.get(c.name) ?? [];
    const sessions =
      REPLY_CATEGORIES.has(c.name) || c.kind === '建议提案'
        ? [...groupBy(list, (n) => n.data.reply?.session ?? '（未注明会议）')]
            .map(([name, ns]) => ({ name, slug: stableSlug(name), notices: ns }))
            .sort((a, b) => compareSessions(a.name, b.name))
        : [];
    return {
      name: c.name,
      slug: c.slug,
      notices: list,
      sessions,
      ...(c.kind === '政策文件' && { library: policyLibrary(list, config.docTypes) }),
    };
  });
  const issuers = [...groupBy(notices, (n) => n.data.issuer)]
    .map(([name, ns]) => ({ name, slug: stableSlug(name), notices: ns }))
    .sort(
      (a, b) => b.notices.length - a.notices.length || a.name.localeCompare(b.name, 'zh-Hans-CN'),
    );
  const years = [...groupBy(notices, (n) => n.data.date.slice(0, 4))]
    .map(([year, ns]) => ({ year, notices: ns }))
    .sort((a, b) => b.year.localeCompare(a.year));
  const byIndexNo = new Map(notices.map((n) => [n.data.indexNo, n]));
  // The other side of `replaces` and `interprets`, in listing order (newest first).
  const replacedBy = new Map<string, NoticeLink[]>();
  const interpretations = new Map<string, NoticeLink[]>();
  for (const n of notices) {
    for (const r of n.data.replaces ?? [])
      replacedBy.set(r, [...(replacedBy.get(r) ?? []), linkTo(n)]);
    for (const r of n.data.interprets ?? [])
      interpretations.set(r, [
        ...(interpretations.get(r) ?? []),
        { ...linkTo(n), date: n.data.date },
      ]);
  }
  const position = new Map<string, { list: SiteNotice<E>[]; index: number }>();
  for (const c of categories)
    c.notices.forEach((n, index) => position.set(n.data.indexNo, { list: c.notices, index }));
  const policyCategories = new Set(
    config.categories.filter((c) => c.kind === '政策文件').map((c) => c.name),
  );
  const library = policyCategories.size
    ? policyLibrary(
        notices.filter((n) => policyCategories.has(n.data.category)),
        config.docTypes,
      )
    : undefined;
  return {
    notices,
    categories,
    issuers,
    years,
    ...(library && { library }),
    neighboursOf: (indexNo) => {
      const p = position.get(indexNo);
      const n = byIndexNo.get(indexNo);
      if (!p || !n) return {};
      const { prev, next } = neighbours(p.list, p.index);
      const refs = (list: readonly string[] | undefined) =>
        (list ?? []).flatMap((r) => (byIndexNo.has(r) ? [linkTo(byIndexNo.get(r)!)] : []));
      // What a replaced document contributes to a 规章's 题注: its 发文日期 and 文号.
      const replaced = (n.data.replaces ?? []).flatMap((r) => {
        const d = byIndexNo.get(r)?.data;
        return d
          ? [{ ...linkTo(byIndexNo.get(r)!), date: d.date, ...(d.docNo ? { docNo: d.docNo } : {}) }]
          : [];
      });
      const related = {
        replaces: replaced,
        replacedBy: replacedBy.get(indexNo) ?? [],
        interprets: refs(n.data.interprets),
        interpretations: interpretations.get(indexNo) ?? [],
      };
      return {
        ...(prev && { prev: linkTo(prev) }),
        ...(next && { next: linkTo(next) }),
        ...Object.fromEntries(Object.entries(related).filter(([, v]) => v.length)),
      };
    },
  };
}
