import type { APIRoute } from 'astro';
import { loadOpenDataRecords, textResponse } from '../../data/open-data';
import { toCsv } from '../../lib/site/open-data';

export const GET: APIRoute = async () =>
  textResponse(toCsv(await loadOpenDataRecords()), 'text/csv; charset=utf-8');
