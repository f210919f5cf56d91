/**
 * Pagefind 1.6, as the search page uses it: the build indexes every notice as a Pagefind record, and
 * the page reads records (fragments: url, text, meta) straight from the bundle named in the search
 * tables' docs pages. The page does not ask Pagefind's own query engine which notices match, because
 * in 1.6 that engine: drops a word it has nowhere (火星创新 finds every 创新 page); answers a word a
 * bundle lacks with pages holding a shorter beginning of it (alert → "A类"); treats a quoted query as
 * consecutive segmenter words, not the text typed; orders merged bundles by score even when sorting
 * by date; and reads every position of a common word in every bundle it opens. The tables
 * (contract.ts) count, order and prove matches instead.
 *
 * A fragment file is gzip of the signature SIGNATURE followed by JSON (Pagefind 1.x; the Node side
 * is readFragment in src/lib/build/search-bundles.ts). Its `content` is the record text as indexed:
 * the notice's body as written (records indexed as Chinese would carry zero-width spaces at word
 * breaks; the build indexes them without segmenting, search-index.ts RECORD_LANGUAGE).
 */
export const SIGNATURE = 'pagefind_dcd';

export interface Fragment {
  url: string;
  content: string;
  meta: Record<string, string>;
}

export async function decodeFragment(bytes: ArrayBuffer): Promise<Fragment> {
  const gz = new Uint8Array(bytes);
  let data: ArrayBuffer = bytes;
  if (gz[0] === 0x1f && gz[1] === 0x8b)
    data = await new Response(
      new Blob([gz]).stream().pipeThrough(new DecompressionStream('gzip')),
    ).arrayBuffer();
  const text = new TextDecoder().decode(data);
  if (!text.startsWith(SIGNATURE)) throw new Error('not a Pagefind 1.x fragment');
  return JSON.parse(text.slice(SIGNATURE.length)) as Fragment;
}

export async function loadFragment(url: string): Promise<Fragment> {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${url}: ${r.status}`);
  return decodeFragment(await r.arrayBuffer());
}
