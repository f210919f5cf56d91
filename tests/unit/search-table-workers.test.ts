import { describe, expect, it } from 'vitest';
import { SearchCorpus } from '../../src/lib/build/search-tables';
import { searchCharMap } from '../../src/lib/build/search-texts';
import { MANIFEST_FILE } from '../../src/lib/search/contract';
import { smallCorpus } from '../support/small-corpus';

/** The search tables of `docs` written one way, as path → bytes (strings encoded). */
async function tables(
  charsPerPass: number,
  how: (
    corpus: SearchCorpus,
    urls: string[],
    write: (p: string, d: Uint8Array | string) => void,
  ) => unknown,
): Promise<Map<string, Buffer>> {
  const docs = smallCorpus(400);
  const corpus = new SearchCorpus(searchCharMap(), charsPerPass);
  docs.forEach((d, i) => corpus.add(`/n/${i}/`, d));
  const files = new Map<string, Buffer>();
  await how(
    corpus,
    docs.map((_, i) => `/n/${i}/`),
    (path, data) => files.set(path, Buffer.from(data)),
  );
  return files;
}

describe('search tables collected on worker threads', () => {
  it('are the files written on one thread, byte for byte, whatever the number of threads', async () => {
    // 400 notices of ~300 characters in passes of 20,000 characters: 6 or 7 passes.
    const one = await tables(20_000, (c, urls, write) => c.write(urls, write));
    const manifest = JSON.parse(one.get(MANIFEST_FILE)!.toString()) as {
      packs: number;
      docs: number;
    };
    expect(manifest.docs).toBe(400);
    for (const threads of [2, 3]) {
      const many = await tables(20_000, (c, urls, write) => c.writeInWorkers(urls, write, threads));
      expect([...many.keys()].sort()).toEqual([...one.keys()].sort());
      for (const [path, bytes] of one) expect(many.get(path)!.equals(bytes), path).toBe(true);
    }
  });
});
