import type { APIRoute, GetStaticPaths } from 'astro';
import { loadReports } from '../../../data/reports';
import { annualCsv, type AnnualStatistics } from '../../../lib/reports/annual';

export const getStaticPaths: GetStaticPaths = async () => (await loadReports()).map((stats) => ({ params: { year: String(stats.year) }, props: { stats } }));

export const GET: APIRoute = ({ props }) =>
  new Response(annualCsv((props as { stats: AnnualStatistics }).stats), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
