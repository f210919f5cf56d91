/**
 * A worker thread of `npm run check` (checkNotices with `workers`): checks its share of the files
 * the cache could not answer and posts back, for each, the cache key of the text it read and the
 * result in the cache's form.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { createNoticeSchema } from '../model/notice-schema';
import { cacheKey } from './check-cache';
import { checkNoticeFile, toCached } from './project';

const { root, categories, salt, files } = workerData as { root: string; categories: string[]; salt: string; files: string[] };
const schema = createNoticeSchema(categories);
parentPort!.postMessage(
  files.map((file) => {
    const source = readFileSync(join(root, file), 'utf8');
    return { key: cacheKey(salt, source), result: toCached(checkNoticeFile(file, source, schema, categories)) };
  }),
);
