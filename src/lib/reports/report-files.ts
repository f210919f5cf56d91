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
  const years = readdirSync(dir).flatMap((f) =>
    /^\d{4}\.(yaml|md)$/.test(f) ? [Number(f.slice(0, 4))] : [],
  );
  return [...new Set(years)].sort((a, b) => b - a);
}

/** Everything wrong with one year's report files (both must exist). */
export function reportProblems(
  root: string,
  year: number,
): { source: ReportSource | null; problems: Problem[] } {
  const yamlFile = `${REPORTS_DIR}/${year}.yaml`;
  const mdFile = `${REPORTS_DIR}/${year}.md`;
  const problems: Problem[] = [];
  const missing = (file: string, what: string) =>
    problems.push({
      file,
      line: null,
      field: 'file',
      label: '年度报告',
      value: null,
      expected: `${file}（${what}）`,
      message: `${year} 年度报告缺少 ${file}（${what}）`,
      messageEn: `${file} is missing`,
    });
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
  return {
    source: figures && sections && !problems.length ? { year, figures, sections } : null,
    problems,
  };
}

/**
 * Problems of every year's report files, and across years: a year's 上年结转 is the year before's
 * 结转下年度继续办理, column by column.
 */
export function allReportProblems(root: string): Problem[] {
  const years = reportSourceYears(root);
  const read = new Map(years.map((y) => [y, reportProblems(root, y)]));
  const problems = years.flatMap((y) => read.get(y)!.problems);
  for (const y of years) {
    const now = read.get(y)!.source?.figures.applications.上年结转;
    const before = read.get(y - 1)?.source?.figures.applications.结转下年;
    if (!now || !before || now.every((n, i) => n === before[i])) continue;
    const file = `${REPORTS_DIR}/${y}.yaml`;
    const text = readFileSync(join(root, file), 'utf8').split(/\r?\n/);
    const line = text.findIndex((l) => /^\s*上年结转\s*:/.test(l)) + 1 || null;
    problems.push({
      file,
      line,
      field: '依申请公开.上年结转',
      label: '二、上年结转政府信息公开申请数量',
      value: `[${now.join(', ')}]`,
      expected: `[${before.join(', ')}]（${y - 1} 年的结转下年度继续办理）`,
      message: `${y} 年的上年结转 [${now.join(', ')}] 与 ${y - 1} 年报告的结转下年度继续办理 [${before.join(', ')}] 不一致`,
      messageEn: `上年结转 of ${y} differs from 结转下年 of ${y - 1}`,
    });
  }
  return problems;
}

function splitSections(text: string): ReportSource['sections'] {
  const lines = text.split(/\r?\n/);
  const out = {} as ReportSource['sections'];
  for (const title of TEXT_SECTIONS) {
    const start = lines.findIndex(
      (l) => /^##\s+/.test(l) && l.replace(/^##\s+/, '').trim() === title,
    );
    let end = lines.findIndex((l, i) => i > start && /^##\s+/.test(l));
    if (end < 0) end = lines.length;
    // The page gives each section its h2; headings inside it are written ### and below.
    out[title] = markdownToHtml(lines.slice(start + 1, end).join('\n')).html;
  }
  return out;
}
