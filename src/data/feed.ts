import rss from '@astrojs/rss';
import type { SiteNotice } from '../lib/site/derive';
import { firstSentence } from '../lib/site/format';
import { paths } from '../lib/site/routes';
import { feedItemFields } from '../lib/site/feed-fields';
import { resultClassLabels, siteConfig, type NoticeEntry } from './site';

/**
 * An RSS 2.0 feed of the newest notices (feed readers and 政务 aggregators read RSS). Besides the
 * RSS fields each item carries the notice's metadata: 索引号 and 发布机构 in Dublin Core, and the
 * classifying fields (组配分类, 文件类型, 有效性, 办理结果类别 …) as categories with a domain.
 */
export function noticeFeed(title: string, notices: SiteNotice<NoticeEntry>[], limit = 50) {
  return rss({
    title,
    description: `${siteConfig.owner}：${title}`,
    site: siteConfig.url,
    xmlns: { dc: 'http://purl.org/dc/elements/1.1/' },
    customData: '<language>zh-CN</language>',
    items: notices.slice(0, limit).map((n) => ({
      title: n.data.title,
      link: paths.notice(n.data.indexNo),
      pubDate: new Date(n.data.publishedAt),
      description: n.data.summary || firstSentence(n.entry.body ?? ''),
      customData: feedItemFields(n.data, resultClassLabels),
    })),
  });
}
