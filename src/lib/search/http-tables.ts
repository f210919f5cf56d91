import { docsFile, keyFile, MANIFEST_FILE, packFile, type SearchManifest } from './contract';
import type { TableReader } from './answer';

/**
 * The search tables over HTTP. Postings are read with range requests (every static host answers
 * them: nginx, Netlify, Cloudflare Pages, GitHub Pages, astro preview); a server that ignores the
 * Range header sends the whole pack, which is then kept and sliced.
 */
export async function httpTables(root = '/'): Promise<TableReader> {
  const get = async (path: string) => {
    const r = await fetch(root + path);
    if (!r.ok) throw new Error(`${path}: ${r.status}`);
    return r;
  };
  const manifest = (await (await get(MANIFEST_FILE)).json()) as SearchManifest;
  const whole = new Map<number, Promise<Uint8Array>>();
  return {
    manifest,
    keyFile: async (k) => (await get(keyFile(k))).text(),
    docsPage: async (k) => (await (await get(docsFile(k))).json()) as string[],
    range: async (pack, offset, length) => {
      if (!length) return new Uint8Array(0);
      const full = whole.get(pack);
      if (full) return (await full).subarray(offset, offset + length);
      const r = await fetch(root + packFile(pack), {
        headers: { Range: `bytes=${offset}-${offset + length - 1}` },
      });
      if (r.status === 206) return new Uint8Array(await r.arrayBuffer());
      if (!r.ok) throw new Error(`${packFile(pack)}: ${r.status}`);
      const bytes = r.arrayBuffer().then((b) => new Uint8Array(b));
      whole.set(pack, bytes);
      return (await bytes).subarray(offset, offset + length);
    },
  };
}
