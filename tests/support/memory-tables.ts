import { writeSearchTables, type SearchDoc } from '../../src/lib/build/search-tables';
import {
  docsFile,
  keyFile,
  MANIFEST_FILE,
  packFile,
  type SearchManifest,
} from '../../src/lib/search/contract';
import type { TableReader } from '../../src/lib/search/answer';
import type { CharMap } from '../../src/lib/search/fold';

/** The search tables of `docs`, written in memory, and a reader over them that counts what it reads (bytes, requests). */
export function memoryTables(docs: readonly SearchDoc[], map: CharMap, charsPerPass?: number) {
  const files = new Map<string, Uint8Array | string>();
  writeSearchTables(docs, map, (path, data) => files.set(path, data), charsPerPass);
  return tablesIn(files);
}

/** A reader over search tables held in memory (written, or patched), counting what it reads. */
export function tablesIn(files: Map<string, Uint8Array | string>) {
  const stats = { requests: 0, bytes: 0 };
  const text = (path: string) => {
    const f = files.get(path);
    if (f === undefined) throw new Error(`no ${path}`);
    stats.requests++;
    const s = typeof f === 'string' ? f : new TextDecoder().decode(f);
    stats.bytes += new TextEncoder().encode(s).length;
    return s;
  };
  const manifest = JSON.parse(text(MANIFEST_FILE)) as SearchManifest;
  const reader: TableReader = {
    manifest,
    keyFile: async (k) => text(keyFile(k)),
    range: async (pack, offset, length) => {
      const f = files.get(packFile(pack)) as Uint8Array;
      stats.requests++;
      stats.bytes += length;
      return f.subarray(offset, offset + length);
    },
    docsPage: async (k) => JSON.parse(text(docsFile(k))) as string[],
  };
  return { files, reader, stats };
}
