import { LineCounter, parseDocument } from 'yaml';
import { FRONTMATTER_KEYS } from '../model/fields';

/**
 * The editor's `--meta` file: per input file (keyed by its file name), the values the scraped
 * text lacks, text replacements that repair a defaced page, and the page's original address.
 * Comments in the file carry the editor's justification for each value.
 *
 *   000_922319e8c0b7fc13.txt:
 *     url: https://…
 *     replace:
 *       - find: 188体育_188体育平台@:
 *         with: 越城区
 *     date: 2024-08-12      # the text states …
 */
export interface Replacement {
  find: string;
  with: string;
}

export interface MetaEntry {
  url?: string;
  replace: Replacement[];
  /** Frontmatter values supplied by the editor (key paths may be nested, e.g. reply.number). */
  fields: Record<string, unknown>;
}

export type MetaFile = Map<string, MetaEntry>;

/** What an editor may supply for a page: any frontmatter key but the importer's own record and the draft flag. */
export const SUPPLIABLE_FIELDS = new Set(
  FRONTMATTER_KEYS.filter((key) => key !== 'draft' && key !== 'legacy'),
);

export function parseMetaFile(text: string, name: string): MetaFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { schema: 'failsafe', lineCounter, uniqueKeys: true });
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    throw new Error(
      `--meta 文件 ${name} 第 ${lineCounter.linePos(e.pos[0]).line} 行 YAML 语法错误：${e.message.split('\n')[0]}`,
    );
  }
  const data = (doc.toJS() ?? {}) as Record<string, unknown>;
  if (typeof data !== 'object' || Array.isArray(data))
    throw new Error(`--meta 文件 ${name} 应为「输入文件名: 字段」的映射`);
  const out: MetaFile = new Map();
  for (const [file, raw] of Object.entries(data)) {
    if (!raw || typeof raw !== 'object' || Array.isArray(raw))
      throw new Error(`--meta 文件 ${name} 中「${file}」的内容应为字段映射`);
    const entry: MetaEntry = { replace: [], fields: {} };
    for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
      if (key === 'url') entry.url = String(value);
      else if (key === 'replace') {
        if (!Array.isArray(value))
          throw new Error(`--meta 文件 ${name} 中「${file}.replace」应为列表`);
        for (const r of value as Array<Record<string, unknown>>) {
          if (typeof r?.find !== 'string' || typeof r?.with !== 'string' || !r.find) {
            throw new Error(`--meta 文件 ${name} 中「${file}.replace」的每一项都需要 find 和 with`);
          }
          entry.replace.push({ find: r.find, with: r.with });
        }
      } else if (SUPPLIABLE_FIELDS.has(key)) entry.fields[key] = value;
      else {
        throw new Error(
          `--meta 文件 ${name} 中「${file}」有未知字段「${key}」（可用：url、replace、${[...SUPPLIABLE_FIELDS].join('、')}）`,
        );
      }
    }
    out.set(file, entry);
  }
  return out;
}

/** Applies the editor's replacements, returning the new text and any `find` that matched nothing. */
export function applyReplacements(
  text: string,
  replacements: readonly Replacement[],
): { text: string; unmatched: string[] } {
  const unmatched: string[] = [];
  let out = text;
  for (const r of replacements) {
    if (!out.includes(r.find)) unmatched.push(r.find);
    out = out.split(r.find).join(r.with);
  }
  return { text: out, unmatched };
}
