import { loadSite, resultClassLabels, siteConfig } from './site';
import { describeAttachment } from './attachments';
import { toRecord, type NoticeRecord } from '../lib/site/open-data';
import { paths } from '../lib/site/routes';

/** Every published notice as an open-data record, for /data/notices.json and /data/notices.csv alike. */
export async function loadOpenDataRecords(): Promise<NoticeRecord[]> {
  const site = await loadSite();
  // replacedBy as the notice pages show it: derived once with the site (derive.ts).
  const replacedBy = (indexNo: string) =>
    (site.neighboursOf(indexNo).replacedBy ?? []).map((r) => r.indexNo);
  return site.notices.map((n) =>
    toRecord(
      n.data,
      new URL(paths.notice(n.data.indexNo), siteConfig.url).href,
      resultClassLabels,
      n.data.attachments.map(describeAttachment),
      replacedBy(n.data.indexNo),
    ),
  );
}
