import type { NoticeData } from '../model/notice-schema';
import { paths } from '../site/routes';
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
  /**
   * The metadata searched with the title (a match ranks before one in the body only): 索引号, 文号,
   * 发布机构, 组配分类, 关键词, 内容概述, and a reply's 会议, 代表/委员 and 题目.
   */
  fields: string[];
}

export function noticeRecordSpec(n: NoticeData): NoticeRecordSpec {
  const url = paths.notice(n.indexNo);
  return {
    url,
    file: `${url.slice(1)}index.html`,
    meta: {
      title: n.title,
      indexNo: n.indexNo,
      date: n.date,
      issuer: n.issuer,
      category: n.category,
      lang: n.lang,
      ...(n.docNo ? { docNo: n.docNo } : {}),
      ...(n.docType ? { docType: n.docType } : {}),
      ...(n.validity ? { validity: n.validity } : {}),
    },
    filters: {
      组配分类: [n.category],
      发布机构: [n.issuer],
      年份: [n.date.slice(0, 4)],
      ...(n.validity ? { 有效性: [n.validity] } : {}),
    },
    sort: { date: n.date },
    traditional: n.lang === 'zh-Hant',
    fields: [
      n.indexNo,
      n.docNo,
      n.issuer,
      n.category,
      ...n.keywords,
      n.summary,
      n.reply?.session,
      n.reply?.addressee,
      ...(n.reply?.coSigners ?? []),
      n.reply?.subject,
    ].filter((f): f is string => !!f),
  };
}

/**
 * The readable text of a built notice page's <article> body: without its title (<h1>, indexed as
 * the title), the 信息索引 and reply metadata tables (what search needs of them is in `fields`) and the parts
 * search ignores, so a result's excerpt is never the metadata run together.
 */
export function articleText(html: string): string {
  const article = /<article\b[^>]*>([\s\S]*)<\/article>/.exec(html)?.[1] ?? '';
  const text = article
    .replace(/<table class="(?:notice|reply)-meta"[\s\S]*?<\/table>/g, ' ')
    .replace(/<h1\b[^>]*>[\s\S]*?<\/h1>/, ' ')
    .replace(/<(\w+)\b[^>]*data-pagefind-ignore[^>]*>[\s\S]*?<\/\1>/g, ' ')
    .replace(/<(?:br|\/p|\/li|\/tr|\/h\d|\/td|\/th|\/div|\/section|\/caption)\b[^>]*>/g, '$& ')
    .replace(/<[^>]+>/g, '');
  return decodeCharacterReferences(text).replace(/\s+/g, ' ').trim();
}
