import { createHash } from 'node:crypto';
import type { NoticeData } from '../model/notice-schema';

/** SHA-256 of a notice's checked data and of its body's lead: what the build compares with its last run. */
export interface ContentDigests {
  data: string;
  lead: string;
}

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

/** Worked out once per file text by the check, which caches them with its result (100,000 notices: ~1 s a build). */
export function contentDigests(data: NoticeData | null, lead: string): ContentDigests {
  return { data: sha(JSON.stringify(data)), lead: sha(lead) };
}
