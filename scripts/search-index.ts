/**
 * Internal step of `npm run build`: indexes a built site folder with Pagefind.
 * Runs in its own process so a Pagefind crash (its service can panic without settling the
 * promise) ends this process with a non-zero code instead of hanging the build.
 */
import { readFileSync } from 'node:fs';
import { writeSearchIndex } from '../src/lib/build/search-index';
import type { TraditionalRecordSpec } from '../src/lib/search/records';

const [dir, recordsFile] = process.argv.slice(2);
if (!dir) {
  console.error('用法：search-index.ts <已构建的站点目录> [繁体记录 JSON]');
  process.exit(2);
}
const traditional = recordsFile ? (JSON.parse(readFileSync(recordsFile, 'utf8')) as TraditionalRecordSpec[]) : [];
const { pages, records } = await writeSearchIndex(dir, traditional);
console.log(`搜索索引：${pages} 个页面，另加 ${records} 篇繁体公开信息的简繁记录。`);
