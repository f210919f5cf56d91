import type { APIRoute, GetStaticPaths } from 'astro';
import { loadReports, type YearReport } from '../../../data/reports';
import { annualCsv } from '../../../lib/reports/annual';

export const getStaticPaths: GetStaticPaths = async () =>
  (await loadReports()).map((report) => ({
    params: { year: String(report.year) },
    props: { report },
  }));

export const GET: APIRoute = ({ props }) =>
  new Response(annualCsv((props as { report: YearReport }).report.stats), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
