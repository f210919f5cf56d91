import rss from '@astrojs/rss';
import type { SiteNotice } from '../lib/site/derive';
import { firstSentence } from '../lib/site/format';
import { paths } from '../lib/site/routes';
import { siteConfig, type NoticeEntry } from './site';

/** An RSS 2.0 feed of the newest notices (feed readers and 政务 aggregators read RSS). */
export function noticeFeed(title: string, notices: SiteNotice<NoticeEntry>[], limit = 50) {
  return rss({
    title,
    description: `${siteConfig.owner}：${title}`,
    site: siteConfig.url,
    customData: '<language>zh-CN</language>',
    items: notices.slice(0, limit).map((n) => ({
      title: n.data.title,
      link: paths.notice(n.data.indexNo),
      pubDate: new Date(n.data.publishedAt),
      description: n.data.summary || firstSentence(n.entry.body ?? ''),
      categories: [n.data.category],
    })),
  });
}
