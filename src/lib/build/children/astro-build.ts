/**
 * Internal step of `npm run build` for large sites: one Astro build in its own process, so its
 * memory is returned when it ends. Which pages it renders comes from GONGKAI_BUILD_ROLE
 * (src/lib/build/build-role.ts).
 */
import { build } from 'astro';
import { dropStaleContentStore } from '../content-store';

const [root, outDir, cacheDir] = process.argv.slice(2);
if (!root || !outDir || !cacheDir) {
  console.error('用法：astro-build.ts <项目目录> <输出目录> <缓存目录>');
  process.exit(2);
}
process.chdir(root);
dropStaleContentStore(root, cacheDir);
await build({ root, outDir, cacheDir, logLevel: process.env.GONGKAI_VERBOSE ? 'info' : 'warn' });
