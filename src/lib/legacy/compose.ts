import { stringify } from 'yaml';
import type { ExtractedPage } from './extract';
import type { MetaEntry } from './meta-file';
import { FIELDS, FRONTMATTER_KEYS } from '../model/fields';
import { normalizeDocNoBrackets } from '../model/doc-no';

/** Frontmatter keys in the order of the content model, so every imported file reads alike (an import is never a draft). */
const ORDER = FRONTMATTER_KEYS.filter((key) => key !== 'draft');
/** An imported page goes public as it is written, so it needs its 发布日期 too (never derived from 发文日期). */
const REQUIRED = ['title', 'indexNo', 'category', 'issuer', 'date', 'publishedAt'] as const;

export interface ComposedNotice {
  frontmatter: Record<string, unknown>;
  /** Required fields that neither the text nor the editor supplied, as `key（中文）`. */
  missing: string[];
  /** Key paths the editor supplied in the meta file. */
  supplied: string[];
  source: string;
}

/** Merges what the page says with what the editor supplied (the editor wins, and is recorded). */
export function composeNotice(
  page: ExtractedPage,
  meta: MetaEntry | undefined,
  importedFrom: string,
): ComposedNotice {
  const fields: Record<string, unknown> = structuredClone(page.fields);
  const supplied: string[] = [];
  for (const [key, value] of Object.entries(meta?.fields ?? {})) {
    if (
      value &&
      typeof value === 'object' &&
      !Array.isArray(value) &&
      fields[key] &&
      typeof fields[key] === 'object'
    ) {
      // Nested objects (reply, contact) merge key by key, recording each supplied key.
      for (const [sub, v] of Object.entries(value as Record<string, unknown>)) {
        (fields[key] as Record<string, unknown>)[sub] = v;
        supplied.push(`${key}.${sub}`);
      }
    } else {
      fields[key] = value;
      supplied.push(key);
    }
  }
  if (meta?.replace.length) supplied.push('body'); // the editor repaired the text itself
  // Old sites wrote a 文号's year in [ ], ( ) or 【 】: GB/T 9704 wants 〔 〕. Repaired, and recorded.
  const normalized: Array<{ field: string; from: string; to: string }> = [];
  if (typeof fields.docNo === 'string') {
    const fixed = normalizeDocNoBrackets(fields.docNo);
    if (fixed) {
      normalized.push({ field: 'docNo', from: fields.docNo, to: fixed });
      fields.docNo = fixed;
    }
  }
  const missing = REQUIRED.filter((k) => fields[k] === undefined || fields[k] === '').map(
    (k) => `${k}（${FIELDS[k]!.label}）`,
  );
  fields.legacy = {
    ...(meta?.url ? { url: meta.url } : {}),
    importedFrom,
    ...(supplied.length ? { supplied: supplied.sort() } : {}),
    ...(normalized.length ? { normalized } : {}),
  };
  const frontmatter: Record<string, unknown> = {};
  for (const k of ORDER) if (fields[k] !== undefined) frontmatter[k] = fields[k];
  const yaml = stringify(frontmatter, {
    lineWidth: 0,
    defaultKeyType: 'PLAIN',
    singleQuote: false,
  });
  return { frontmatter, missing, supplied, source: `---\n${yaml}---\n\n${page.body}\n` };
}
