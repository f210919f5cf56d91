import type { APIRoute, GetStaticPaths } from 'astro';
import { loadSite, siteConfig, type NoticeEntry } from '../../../data/site';
import { noticeFeed } from '../../../data/feed';
import type { CategoryGroup } from '../../../lib/site/derive';

export const getStaticPaths: GetStaticPaths = async () =>
  (await loadSite()).categories.map((category) => ({
    params: { slug: category.slug },
    props: { category },
  }));

export const GET: APIRoute = async ({ props }) => {
  const { category } = props as { category: CategoryGroup<NoticeEntry> };
  return noticeFeed(`${siteConfig.name} ${category.name}`, category.notices);
};
