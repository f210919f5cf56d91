import type { APIRoute, GetStaticPaths } from 'astro';
import { loadReports } from '../../../data/reports';
import { reportTables, tableCsv, type ReportTable } from '../../../lib/reports/report-tables';

/** A written report's tables as CSV: section-2.csv (its four tables), section-3.csv, section-4.csv. */
export const getStaticPaths: GetStaticPaths = async () =>
  (await loadReports()).flatMap((report) => {
    if (!report.source) return [];
    const t = reportTables(report.sectionTwo, report.source.figures);
    return [
      { params: { year: String(report.year), table: 'section-2' }, props: { tables: t.two } },
      { params: { year: String(report.year), table: 'section-3' }, props: { tables: [t.three] } },
      { params: { year: String(report.year), table: 'section-4' }, props: { tables: [t.four] } },
    ];
  });

export const GET: APIRoute = ({ props }) =>
  new Response(tableCsv((props as { tables: ReportTable[] }).tables), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
