import type { APIRoute } from 'astro';
import { loadOpenDataRecords } from '../../data/open-data';

export const GET: APIRoute = async () =>
  new Response(JSON.stringify(await loadOpenDataRecords(), null, 2) + '\n', {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
