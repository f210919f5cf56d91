import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { articleText, type NoticeRecordSpec } from '../search/records';
import { idsOfUrls } from './search-bundles';
import { FILTERS } from '../search/contract';
import { writeTextsFile, type IndexedText } from './search-texts';

/**
 * Locations per index chunk (Pagefind's default is 20,000): smaller chunks carry fewer neighbouring
 * words along when Pagefind's own engine is queried. Pagefind 1.6 reads it from its environment.
 */
export const INDEX_CHUNK_SIZE = '4000';

/**
 * The language the records are indexed as: none ('und'), so Pagefind does not segment the Chinese
 * text into words. The search page never asks Pagefind's word index anything (the search tables
 * answer every query, search-tables.ts); it reads only the records (fragments), whose text is then
 * the body as written, without the zero-width spaces segmenting puts between words. Segmenting and
 * indexing those words took half of Pagefind's time (5,000 notices: 31.8 s as 'zh', 15.1 s as 'und').
 */
export const RECORD_LANGUAGE = 'und';

/**
 * Writes a Pagefind bundle for the given notices into `outputPath`, in this process (callers run
 * it in a fresh process per bundle, so Pagefind's memory is returned after each). The search page
 * reads each notice's record (its fragment) from it. Beside the bundle, TEXTS_FILE lists every
 * record's texts and fragment for the search tables (src/lib/build/search-texts.ts).
 * Throws with Pagefind's own messages on any error, so the build stops before the swap.
 */
export async function writeSearchIndex(
  siteDir: string,
  specs: readonly NoticeRecordSpec[],
  outputPath: string,
): Promise<{ records: number }> {
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ??= INDEX_CHUNK_SIZE;
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: RECORD_LANGUAGE });
    if (!index || errors.length) throw new Error(errors.join('; ') || 'no index');
    // Records go to Pagefind's service in batches: one awaited round trip per record is slower.
    const BATCH = 64;
    const texts: IndexedText[] = [];
    for (let i = 0; i < specs.length; i += BATCH) {
      const results = await Promise.all(
        specs.slice(i, i + BATCH).map((spec) => {
          const body = articleText(readFileSync(join(siteDir, spec.file), 'utf8'));
          const filters = Object.fromEntries(
            FILTERS.flatMap((k) => (spec.filters[k]?.[0] ? [[k, spec.filters[k]![0]!]] : [])),
          );
          texts.push({
            url: spec.url,
            title: spec.meta.title ?? '',
            fields: spec.fields,
            body,
            filters,
          });
          return index.addCustomRecord({
            url: spec.url,
            content: body,
            language: RECORD_LANGUAGE,
            meta: spec.meta,
            filters: spec.filters,
            sort: spec.sort,
          });
        }),
      );
      for (const r of results) if (r.errors.length) throw new Error(r.errors.join('; '));
    }
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw new Error(written.errors.join('; '));
    // The search tables (search-tables.ts) name each record's fragment: read back from the bundle.
    const ids = idsOfUrls(
      outputPath,
      texts.map((t) => t.url),
    );
    writeTextsFile(
      outputPath,
      texts.map((t) => ({ ...t, fragment: ids.get(t.url)! })),
    );
    return { records: specs.length };
  } finally {
    await pagefind.close();
  }
}
