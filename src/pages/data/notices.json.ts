import type { APIRoute } from 'astro';
import { loadSite, siteConfig, resultClassLabels } from '../../data/site';
import { toRecord } from '../../lib/site/open-data';
import { paths } from '../../lib/site/routes';
import { describeAttachment } from '../../data/attachments';

export const GET: APIRoute = async () => {
  const site = await loadSite();
  // replacedBy as the notice pages show it: derived once with the site (derive.ts).
  const replacedBy = (indexNo: string) =>
    (site.neighboursOf(indexNo).replacedBy ?? []).map((r) => r.indexNo);
  const records = site.notices.map((n) =>
    toRecord(
      n.data,
      new URL(paths.notice(n.data.indexNo), siteConfig.url).href,
      resultClassLabels,
      n.data.attachments.map(describeAttachment),
      replacedBy(n.data.indexNo),
    ),
  );
  return new Response(JSON.stringify(records, null, 2) + '\n', {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
