import type { NoticeData } from '../model/notice-schema';
import { indexNoSlug } from '../model/index-no';
import { decodeCharacterReferences } from '../html-text';

/**
 * Every notice is indexed as a Pagefind custom record built from its page's text (not by letting
 * Pagefind parse every HTML page, care twins included): the text is pre-split into words, and a
 * notice in traditional characters also carries its simplified form (Pagefind does not fold 简繁),
 * so a query in either script finds it, once.
 */
export interface NoticeRecordSpec {
  url: string;
  /** The built page, relative to the site folder. */
  file: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
  traditional: boolean;
}

export function noticeRecordSpec(n: NoticeData): NoticeRecordSpec {
  const slug = indexNoSlug(n.indexNo);
  return {
    url: `/notices/${slug}/`,
    file: `notices/${slug}/index.html`,
    meta: { title: n.title, indexNo: n.indexNo, date: n.date, issuer: n.issuer, category: n.category, lang: n.lang },
    filters: {
      组配分类: [n.category],
      发布机构: [n.issuer],
      年份: [n.date.slice(0, 4)],
      索引号: [n.indexNo],
      ...(n.docNo ? { 文号: [n.docNo] } : {}),
    },
    sort: { date: n.date },
    traditional: n.lang === 'zh-Hant',
  };
}

/** The readable text of a built notice page's <article>, without the parts search ignores. */
export function articleText(html: string): string {
  const article = /<article\b[^>]*>([\s\S]*)<\/article>/.exec(html)?.[1] ?? '';
  const text = article
    .replace(/<(\w+)\b[^>]*data-pagefind-ignore[^>]*>[\s\S]*?<\/\1>/g, ' ')
    .replace(/<(?:br|\/p|\/li|\/tr|\/h\d|\/td|\/th|\/div|\/section|\/caption)\b[^>]*>/g, '$& ')
    .replace(/<[^>]+>/g, '');
  return decodeCharacterReferences(text).replace(/\s+/g, ' ').trim();
}
