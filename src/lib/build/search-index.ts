import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { articleText, type TraditionalRecordSpec } from '../search/records';
import { textToSimplified } from '../search/char-map';

/**
 * Indexes a built site with Pagefind's Node API, writing the bundle to `<dir>/pagefind/`.
 * One Chinese index for every page: zh-Hans and zh-Hant notices must be searchable together.
 * Traditional-character notices come in as custom records with a simplified copy of their text.
 * Throws with Pagefind's own messages on any error, so the build stops before the swap.
 */
export async function writeSearchIndex(dir: string, traditional: readonly TraditionalRecordSpec[] = []): Promise<{ pages: number; records: number }> {
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh' });
    if (!index || errors.length) throw new Error(errors.join('; ') || 'no index');
    const added = await index.addDirectory({ path: dir });
    if (added.errors.length) throw new Error(added.errors.join('; '));
    for (const spec of traditional) {
      const text = articleText(readFileSync(join(dir, spec.file), 'utf8'));
      const record = await index.addCustomRecord({
        url: spec.url,
        content: `${text}\n${textToSimplified(text)}`,
        language: 'zh',
        meta: spec.meta,
        filters: spec.filters,
        sort: spec.sort,
      });
      if (record.errors.length) throw new Error(record.errors.join('; '));
    }
    const written = await index.writeFiles({ outputPath: join(dir, 'pagefind') });
    if (written.errors.length) throw new Error(written.errors.join('; '));
    return { pages: added.page_count, records: traditional.length };
  } finally {
    await pagefind.close();
  }
}
