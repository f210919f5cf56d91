import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { decodeFragment, SIGNATURE } from '../../src/lib/search/pagefind-fragments';

const asBuffer = (b: Uint8Array) =>
  b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

describe('Pagefind 1.x fragments, as the page reads them', () => {
  const record = { url: '/notices/x/', content: '正文\u200b内容', meta: { title: '标题' } };
  it('gzip of the signature and JSON', async () => {
    expect(
      await decodeFragment(asBuffer(gzipSync(Buffer.from(SIGNATURE + JSON.stringify(record))))),
    ).toEqual(record);
  });
  it('already decompressed (a server that sent it with Content-Encoding: gzip)', async () => {
    expect(await decodeFragment(asBuffer(Buffer.from(SIGNATURE + JSON.stringify(record))))).toEqual(
      record,
    );
  });
  it('refuses a file that is not a Pagefind 1.x fragment', async () => {
    await expect(decodeFragment(asBuffer(gzipSync(Buffer.from('{"url":"/"}'))))).rejects.toThrow(
      'not a Pagefind 1.x fragment',
    );
  });
});
