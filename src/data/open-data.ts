import { loadSite, resultClassLabels, siteConfig } from './site';
import { describeAttachment } from './attachments';
import { toRecord, type NoticeRecord } from '../lib/site/open-data';
import { paths } from '../lib/site/routes';

let cached: Promise<NoticeRecord[]> | undefined;

/**
 * Every published notice as an open-data record, for /data/notices.json and /data/notices.csv
 * alike: worked out once per build (at 100,000 notices ~0.4 s each time).
 */
export function loadOpenDataRecords(): Promise<NoticeRecord[]> {
  // The dev server works them out afresh: notices change while it runs.
  if (import.meta.env.DEV) cached = undefined;
  return (cached ??= openDataRecords());
}

async function openDataRecords(): Promise<NoticeRecord[]> {
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

/**
 * A large text file's response, as UTF-8 bytes: a string body is checked and encoded by the
 * Response itself, ~0.5 s more for the open data of 100,000 notices.
 */
export function textResponse(text: string, contentType: string): Response {
  return new Response(Buffer.from(text, 'utf8'), { headers: { 'Content-Type': contentType } });
}
