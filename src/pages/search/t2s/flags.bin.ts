import type { APIRoute } from 'astro';
import { buildCharPairs } from '../../../lib/search/char-map';
import { charmapFiles } from '../../../lib/search/charmap';

/** Which characters are traditional (src/lib/search/charmap.ts). */
export const GET: APIRoute = () =>
  new Response(charmapFiles(buildCharPairs()).flags.buffer as ArrayBuffer, {
    headers: { 'Content-Type': 'application/octet-stream' },
  });
