/**
 * Internal step of `npm run build`: indexes a built site folder with Pagefind.
 * Runs in its own process so a Pagefind crash (its service can panic without settling the
 * promise) ends this process with a non-zero code instead of hanging the build.
 */
import { writeSearchIndex } from '../src/lib/build/search-index';

const dir = process.argv[2];
if (!dir) {
  console.error('用法：search-index.ts <已构建的站点目录>');
  process.exit(2);
}
const { pages } = await writeSearchIndex(dir);
console.log(`搜索索引：${pages} 页。`);
