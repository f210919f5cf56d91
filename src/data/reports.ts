import { annualStatistics, reportYears } from '../lib/reports/annual';
import { loadSite, siteConfig } from './site';

/** Annual statistics for every year with published notices, from the same collection as the pages. */
export async function loadReports() {
  const site = await loadSite();
  const data = site.notices.map((n) => n.data);
  const categories = siteConfig.categories.map((c) => c.name);
  return reportYears(data).map((year) => annualStatistics(data, year, categories, siteConfig.resultClasses));
}
