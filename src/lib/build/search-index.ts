import { join } from 'node:path';
import * as pagefind from 'pagefind';

/**
 * Indexes a built site with Pagefind's Node API, writing the bundle to `<dir>/pagefind/`.
 * One Chinese index for every page: zh-Hans and zh-Hant notices must be searchable together.
 * Throws with Pagefind's own messages on any error, so the build stops before the swap.
 */
export async function writeSearchIndex(dir: string): Promise<{ pages: number }> {
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh' });
    if (!index || errors.length) throw new Error(errors.join('; ') || 'no index');
    const added = await index.addDirectory({ path: dir });
    if (added.errors.length) throw new Error(added.errors.join('; '));
    const written = await index.writeFiles({ outputPath: join(dir, 'pagefind') });
    if (written.errors.length) throw new Error(written.errors.join('; '));
    return { pages: added.page_count };
  } finally {
    await pagefind.close();
  }
}
