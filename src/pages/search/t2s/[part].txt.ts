import type { APIRoute, GetStaticPaths } from 'astro';
import { buildCharPairs } from '../../../lib/search/char-map';
import { CHARMAP_PARTS, charmapFiles } from '../../../lib/search/charmap';

/** The traditional → simplified pairs of one part (src/lib/search/charmap.ts). */
export const getStaticPaths: GetStaticPaths = () =>
  Array.from({ length: CHARMAP_PARTS }, (_, k) => ({ params: { part: String(k) } }));
export const GET: APIRoute = ({ params }) =>
  new Response(charmapFiles(buildCharPairs()).parts[Number(params.part)], {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
