/**
 * A worker thread of `npm run check` (checkNotices with `workers`): reads its share of the notice
 * files and posts back, for each, the cache key of the text it read and, unless the cache already
 * holds that key, the check's result in the cache's form.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createNoticeSchema } from '../model/notice-schema';
import { noticeModel } from '../model/notice-model';
import type { SiteConfig } from '../model/site-config';
import { checkFileOrKey } from './project';

const { root, config, salt, known, files } = workerData as {
  root: string;
  config: SiteConfig;
  salt: string;
  known: string[];
  files: string[];
};
const model = noticeModel(config);
const schema = createNoticeSchema(model);
const cached = new Set(known);
parentPort!.postMessage(
  files.map((file) => checkFileOrKey(root, file, salt, (key) => cached.has(key), schema, model)),
);
