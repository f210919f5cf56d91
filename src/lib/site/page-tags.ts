import type { PublishedNoticeData } from '../model/notice-schema';
import type { SiteConfig } from '../model/site-config';
import { formatDateTime } from './format';

/**
 * The government page meta tags (政府网站发展指引, 国办发〔2017〕47号, 网页元数据) by page kind, in one
 * place: site tags on every page; column tags on listings and notices (a notice's column is its
 * 组配分类); article tags on notices. Base.astro writes them; tests read them back from every page type.
 */
export type MetaTag = { name: string; content: string };

export const SITE_TAGS = ['SiteName', 'SiteDomain', 'SiteIDCode'] as const;
export const COLUMN_TAGS = [
  'ColumnName',
  'ColumnDescription',
  'ColumnKeywords',
  'ColumnType',
] as const;
export const ARTICLE_TAGS = [
  'ArticleTitle',
  'PubDate',
  'ContentSource',
  'Keywords',
  'Author',
  'Description',
  'Url',
] as const;

/** What the site tags and a page's own tags are made from. */
export interface Column {
  name: string;
  description: string;
  keywords: readonly string[];
  /** The column's type: a category's kind, else what the page is (信息公开目录, 全文检索 …). */
  type: string;
}

export function siteTags(config: Pick<SiteConfig, 'name' | 'url' | 'siteIdCode'>): MetaTag[] {
  return [
    { name: 'SiteName', content: config.name },
    { name: 'SiteDomain', content: new URL(config.url).host },
    ...(config.siteIdCode ? [{ name: 'SiteIDCode', content: config.siteIdCode }] : []),
  ];
}

export function columnTags(c: Column): MetaTag[] {
  return [
    { name: 'ColumnName', content: c.name },
    { name: 'ColumnDescription', content: c.description },
    { name: 'ColumnKeywords', content: (c.keywords.length ? c.keywords : [c.name]).join(',') },
    { name: 'ColumnType', content: c.type },
  ];
}

/** A category as a page column: its own description and keywords when configured. */
export function categoryColumn(category: {
  name: string;
  kind: string;
  description?: string | undefined;
  keywords?: readonly string[] | undefined;
}): Column {
  return {
    name: category.name,
    description: category.description ?? `${category.name}栏目的政府信息。`,
    keywords: category.keywords ?? [category.name],
    type: category.kind,
  };
}

export function articleTags(n: PublishedNoticeData, description: string, url: string): MetaTag[] {
  return [
    { name: 'ArticleTitle', content: n.title },
    { name: 'PubDate', content: formatDateTime(n.publishedAt) },
    { name: 'ContentSource', content: n.source ?? n.issuer },
    { name: 'Keywords', content: (n.keywords.length ? n.keywords : [n.category]).join(',') },
    { name: 'Author', content: n.issuer },
    { name: 'Description', content: description },
    { name: 'Url', content: url },
  ];
}

/** A page that is not a category but lists or serves the site's information (an issuer's notices, 全文检索 …). */
export function pageColumn(name: string, type: string, description: string): Column {
  return { name, description, keywords: [name], type };
}
