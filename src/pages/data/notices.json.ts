import type { APIRoute } from 'astro';
import { loadOpenDataRecords, textResponse } from '../../data/open-data';

export const GET: APIRoute = async () =>
  textResponse(
    JSON.stringify(await loadOpenDataRecords(), null, 2) + '\n',
    'application/json; charset=utf-8',
  );
