import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { markdownToHtml } from 'satteri';
import type { Problem } from '../content/problem';
import { contentPolicyProblems } from '../content/content-policy';
import { readReportData, reportTextProblems, type ReportFigures } from './report-data';
import { TEXT_SECTIONS } from './template';

/**
 * An annual report's own files: src/content/reports/<year>.yaml (the figures of 二, 三 and 四) and
 * <year>.md (sections 一, 五 and 六). A year with both is published as the full report.
 */
export const REPORTS_DIR = 'src/content/reports';

export interface ReportSource {
  year: number;
  figures: ReportFigures;
  /** Sections 一, 五 and 六 as HTML (the Markdown under each `## ` heading), by title. */
  sections: Record<(typeof TEXT_SECTIONS)[number], string>;
}

/** The years that have a report data file or text. */
export function reportSourceYears(root: string): number[] {
  const dir = join(root, REPORTS_DIR);
  if (!existsSync(dir)) return [];
  const years = readdirSync(dir).flatMap((f) => (/^\d{4}\.(yaml|md)$/.test(f) ? [Number(f.slice(0, 4))] : []));
  return [...new Set(years)].sort((a, b) => b - a);
}

/** Everything wrong with one year's report files (both must exist). */
export function reportProblems(root: string, year: number): { source: ReportSource | null; problems: Problem[] } {
  const yamlFile = `${REPORTS_DIR}/${year}.yaml`;
  const mdFile = `${REPORTS_DIR}/${year}.md`;
  const problems: Problem[] = [];
  const missing = (file: string, what: string) =>
    problems.push({ file, line: null, field: 'file', label: '年度报告', value: null, expected: `${file}（${what}）`, message: `${year} 年度报告缺少 ${file}（${what}）`, messageEn: `${file} is missing` });
  let figures: ReportFigures | null = null;
  if (existsSync(join(root, yamlFile))) {
    const read = readReportData(readFileSync(join(root, yamlFile), 'utf8'), yamlFile);
    figures = read.figures;
    problems.push(...read.problems);
  } else missing(yamlFile, '二、三、四部分的数据');
  let sections: ReportSource['sections'] | null = null;
  if (existsSync(join(root, mdFile))) {
    const text = readFileSync(join(root, mdFile), 'utf8');
    const found = [...reportTextProblems(text, mdFile), ...contentPolicyProblems(mdFile, text, 0)];
    problems.push(...found);
    if (!found.length) sections = splitSections(text);
  } else missing(mdFile, '一、五、六部分的文字');
  return { source: figures && sections && !problems.length ? { year, figures, sections } : null, problems };
}

/** Problems of every year's report files. */
export function allReportProblems(root: string): Problem[] {
  return reportSourceYears(root).flatMap((year) => reportProblems(root, year).problems);
}

function splitSections(text: string): ReportSource['sections'] {
  const lines = text.split(/\r?\n/);
  const out = {} as ReportSource['sections'];
  for (const title of TEXT_SECTIONS) {
    const start = lines.findIndex((l) => /^##\s+/.test(l) && l.replace(/^##\s+/, '').trim() === title);
    let end = lines.findIndex((l, i) => i > start && /^##\s+/.test(l));
    if (end < 0) end = lines.length;
    // The page gives each section its h2; headings inside it are written ### and below.
    out[title] = markdownToHtml(lines.slice(start + 1, end).join('\n')).html;
  }
  return out;
}
