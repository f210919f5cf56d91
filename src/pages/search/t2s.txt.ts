import type { APIRoute } from 'astro';
import { buildCharPairs } from '../../lib/search/char-map';

/** The traditional → simplified character pairs the search page folds queries with. */
export const GET: APIRoute = () => new Response(buildCharPairs(), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
