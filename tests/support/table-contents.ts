import { readPostings, type TableFiles } from '../../src/lib/build/search-table-patch';
import {
  keyFile,
  MANIFEST_FILE,
  packFile,
  parseKeyFile,
  type SearchManifest,
} from '../../src/lib/search/contract';

/** Search tables held in memory (written, or patched). */
export function tableFilesOf(files: Map<string, Uint8Array | string>): TableFiles {
  const text = (path: string) => {
    const f = files.get(path);
    if (f === undefined) throw new Error(`no ${path}`);
    return typeof f === 'string' ? f : new TextDecoder().decode(f);
  };
  return {
    text,
    range: (pack, offset, length) =>
      (files.get(packFile(pack)) as Uint8Array).subarray(offset, offset + length),
  };
}

/**
 * What the tables say, wherever it sits: the number of notices and every key with its notices,
 * occurrences, whether its postings are inline, and each notice's positions. Two tables with the
 * same contents answer every query alike.
 */
export function tableContents(t: TableFiles): { docs: number; keys: Record<string, string> } {
  const m = JSON.parse(t.text(MANIFEST_FILE)) as SearchManifest;
  const keys: Record<string, string> = {};
  for (let b = 0; b < m.buckets; b++)
    for (const [key, e] of parseKeyFile(t.text(keyFile(b)))) {
      const postings = [...readPostings(t, e)].map(([d, p]) => `${d}:${p.join(',')}`).join(' ');
      keys[key] =
        `${e.docs}\t${e.occurrences}\t${e.ref.kind === 'inline' ? 'inline' : 'pack'}\t${postings}`;
    }
  return { docs: m.docs, keys };
}
