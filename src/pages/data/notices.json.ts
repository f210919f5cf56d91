import type { APIRoute } from 'astro';
import { loadSite, siteConfig, resultClassLabels } from '../../data/site';
import { replacedByIndex, toRecord } from '../../lib/site/open-data';
import { paths } from '../../lib/site/routes';
import { describeAttachment } from '../../data/attachments';

export const GET: APIRoute = async () => {
  const { notices } = await loadSite();
  const replacedBy = replacedByIndex(notices.map((n) => n.data));
  const records = notices.map((n) => toRecord(n.data, new URL(paths.notice(n.data.indexNo), siteConfig.url).href, resultClassLabels, n.data.attachments.map(describeAttachment), replacedBy.get(n.data.indexNo)));
  return new Response(JSON.stringify(records, null, 2) + '\n', { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
