import type { APIRoute } from 'astro';
import { loadOpenDataRecords } from '../../data/open-data';
import { toCsv } from '../../lib/site/open-data';

export const GET: APIRoute = async () =>
  new Response(toCsv(await loadOpenDataRecords()), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
