/**
 * Internal step of `npm run build` for large sites: one Astro build in its own process, so its
 * memory is returned when it ends. Which pages it renders comes from GONGKAI_BUILD_ROLE
 * (src/lib/build/build-role.ts). With GONGKAI_BUNDLE_LOCK, it syncs and bundles only while holding
 * that lock (bundle-lock.ts), so another process of the same project can render beside it.
 */
import { build } from 'astro';
import type { Plugin } from 'vite';
import { acquireBundleLock, BUNDLE_LOCK_ENV } from '../bundle-lock';
import { dropStaleContentStore } from '../content-store';

const [root, outDir, cacheDir] = process.argv.slice(2);
if (!root || !outDir || !cacheDir) {
  console.error('用法：astro-build.ts <项目目录> <输出目录> <缓存目录>');
  process.exit(2);
}
process.chdir(root);
dropStaleContentStore(root, cacheDir);
const lock = process.env[BUNDLE_LOCK_ENV];
const release = lock ? await acquireBundleLock(lock) : () => {};
// Vite runs a 'post' buildApp hook of a plugin that is not itself 'post' once every environment is
// bundled, before Astro's own (which generates the pages): the lock is released there.
const bundled: Plugin = {
  name: 'gongkai:bundled',
  buildApp: { order: 'post', handler: async () => release() },
};
try {
  await build({
    root,
    outDir,
    cacheDir,
    logLevel: process.env.GONGKAI_VERBOSE ? 'info' : 'warn',
    vite: { plugins: [bundled] },
  });
} finally {
  release();
}
