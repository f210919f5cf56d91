/**
 * A worker thread of `npm run check` (checkNotices with `workers`): reads its share of the notice
 * files and posts back, for each, the cache key of the text it read and, unless the cache already
 * holds that key, the check's result in the cache's form.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { createNoticeSchema } from '../model/notice-schema';
import { cacheKey } from './check-cache';
import { checkNoticeFile, toCached } from './project';

const { root, categories, salt, known, files } = workerData as { root: string; categories: string[]; salt: string; known: string[]; files: string[] };
const schema = createNoticeSchema(categories);
const cached = new Set(known);
parentPort!.postMessage(
  files.map((file) => {
    const source = readFileSync(join(root, file), 'utf8');
    const key = cacheKey(salt, source);
    return cached.has(key) ? { key } : { key, result: toCached(checkNoticeFile(file, source, schema, categories)) };
  }),
);
