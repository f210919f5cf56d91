import type { CheckedNotice } from '../content/validate-notice';
import type { SiteConfig } from '../model/site-config';
import type { NoticeData } from '../model/notice-schema';
import type { NoticeRecordSpec } from '../search/records';
import type { Neighbours } from '../site/derive';
import type { SearchBundleCache } from './search-cache';
import type { Shard } from './shards';

/** What every build sequence (full, one part, the merge of parts) is given by `npm run build`. */
export interface BuildInput {
  root: string;
  /** The build's own folder (.gongkai/): caches, state, temporary files. */
  work: string;
  /** Every notice that passed the check. */
  notices: readonly CheckedNotice[];
  config: SiteConfig;
  neighboursOf: (data: NoticeData) => Neighbours;
  /** The search records, newest first, in their shards (shards.ts). */
  shards: ReadonlyArray<Shard<NoticeRecordSpec>>;
  searchCache: SearchBundleCache;
  /** The most notices one Astro process renders (partitions.ts). */
  partitionSize: number;
  /** Logs a step's time. */
  step: (name: string) => void;
}
