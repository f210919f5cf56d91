/**
 * Internal step of `npm run build`: indexes one bundle of notices with Pagefind.
 * Runs in its own process so a Pagefind crash (its service can panic without settling the
 * promise) ends this process with a non-zero code instead of hanging the build, and so each
 * bundle's memory is returned to the system when it is written.
 */
import { readFileSync } from 'node:fs';
import { writeSearchIndex } from '../search-index';
import type { NoticeRecordSpec } from '../../search/records';

const [siteDir, recordsFile, outputPath] = process.argv.slice(2);
if (!siteDir || !recordsFile || !outputPath) {
  console.error('用法：search-index.ts <站点目录> <记录 JSON> <输出目录>');
  process.exit(2);
}
const specs = JSON.parse(readFileSync(recordsFile, 'utf8')) as NoticeRecordSpec[];
const { records } = await writeSearchIndex(siteDir, specs, outputPath);
console.log(`搜索索引：${records} 篇公开信息。`);
