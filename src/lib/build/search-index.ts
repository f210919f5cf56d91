import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { articleText, type NoticeRecordSpec } from '../search/records';
import { textToSimplified } from '../search/char-map';
import { presplit } from '../search/presplit';
import { RECENT_FILTER, scopeValues, type ScopeMarks } from '../search/scope';
import { addRecordGrams, writeBundleGrams } from './search-routes';

/**
 * Locations per index chunk (Pagefind's default is 20,000). A query fetches the whole chunk of each
 * of its words; smaller chunks carry fewer neighbouring words along (科技创新's first query at
 * 10,000 notices: 138 → 120 KB; docs/scaling.md). Pagefind 1.6 reads it from its environment.
 */
export const INDEX_CHUNK_SIZE = '4000';

/**
 * Writes a Pagefind bundle for the given notices into `outputPath`, in this process (callers run
 * it in a fresh process per bundle, so Pagefind's memory is returned after each).
 * One Chinese index for every record: zh-Hans and zh-Hant notices are searched together.
 * Records are marked for the searches made first (`marks`: recent, a year's head; src/lib/search/scope.ts). The bundle's
 * grams are listed beside it for the term table (src/lib/build/search-routes.ts).
 * Throws with Pagefind's own messages on any error, so the build stops before the swap.
 */
export async function writeSearchIndex(siteDir: string, specs: readonly NoticeRecordSpec[], outputPath: string, marks: ScopeMarks = {}): Promise<{ records: number }> {
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ??= INDEX_CHUNK_SIZE;
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh' });
    if (!index || errors.length) throw new Error(errors.join('; ') || 'no index');
    // Records go to Pagefind's service in batches: one awaited round trip per record is slower.
    const BATCH = 64;
    const grams = new Set<number>();
    for (let i = 0; i < specs.length; i += BATCH) {
      const results = await Promise.all(
        specs.slice(i, i + BATCH).map((spec) => {
          const text = articleText(readFileSync(join(siteDir, spec.file), 'utf8'));
          const content = spec.traditional ? `${text}\n${textToSimplified(text)}` : text;
          const indexed = presplit(content);
          // Counted here while Pagefind's own process indexes the records already sent.
          addRecordGrams(grams, spec.meta.title ?? '', indexed);
          const scope = scopeValues(spec.sort.date!, marks);
          const filters = scope.length ? { ...spec.filters, [RECENT_FILTER.key]: scope } : spec.filters;
          return index.addCustomRecord({ url: spec.url, content: indexed, language: 'zh', meta: spec.meta, filters, sort: spec.sort });
        }),
      );
      for (const r of results) if (r.errors.length) throw new Error(r.errors.join('; '));
    }
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw new Error(written.errors.join('; '));
    writeBundleGrams(outputPath, grams);
    return { records: specs.length };
  } finally {
    await pagefind.close();
  }
}
