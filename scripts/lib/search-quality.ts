import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { articleText } from '../../src/lib/search/records';
import { textToSimplified } from '../../src/lib/search/char-map';
import { searchFor } from './search-page';

/**
 * The Search issue's quality measure, shared by its test (sample content + 2,000 generated
 * notices) and `npm run bench` (any size): queries through the real search page in Chromium,
 * ground truth from the built pages' text (what is indexed) folded to simplified characters.
 * A notice is relevant to a query when it contains every whitespace-separated part of it.
 */
export const norm = (s: string) => textToSimplified(s).normalize('NFKC').toLowerCase().replace(/\s+/g, '');

/** Page path → folded article text, for every notice page of a built site. */
export function groundTruth(dist: string): Map<string, string> {
  const truth = new Map<string, string>();
  for (const slug of readdirSync(join(dist, 'notices'))) {
    truth.set(`/notices/${slug}/`, norm(articleText(readFileSync(join(dist, 'notices', slug, 'index.html'), 'utf8'))));
  }
  return truth;
}

export function relevantIn(truth: ReadonlyMap<string, string>, query: string): Set<string> {
  const chunks = query.split(/\s+/).filter(Boolean).map(norm);
  return new Set([...truth].filter(([, text]) => chunks.every((c) => text.includes(c))).map(([path]) => path));
}

/** Positive queries and what each tests (names, places, 文号, 索引号, 2-/4-character terms, across words, the other script). */
export const POSITIVES: Array<[string, string]> = [
  ['冯观萍', 'addressee'], ['梁孝克', 'addressee'], ['徐建凤', 'addressee'], ['张华委员', 'addressee'],
  ['越城区', 'place'], ['龙港市', 'place'], ['鉴水科技城', 'place'], ['余姚市', 'place'], ['嘉兴', 'place'],
  ['浙科提〔2024〕297号', '文号'], ['越科〔2024〕8号', '文号'],
  ['温138', 'reply number'], ['002482090/2024-00128', '索引号'], ['11330602056860309P/2024-96040', '索引号'],
  ['科创', '2-char'], ['人才', '2-char'], ['孵化', '2-char'],
  ['科技创新', '4-char'], ['研发投入', '4-char'], ['成果转化', '4-char'], ['清单式答复', 'phrase'], ['产教融合', '4-char'],
  ['技创新体', 'across words'], ['城区认真贯彻', 'across words'], ['人才飞地', 'across words'],
  ['系統', 'traditional → simplified'], ['嘉興', 'traditional → simplified'], ['研發投入', 'traditional → simplified'], ['創新聯合體', 'traditional → simplified'],
  ['嘉兴市高质量推动', 'simplified → traditional notice'], ['大抓落实年', 'simplified → traditional notice'],
  ['越城区 鉴水科技城', 'two terms'],
];

/**
 * Queries with an unknown term: no notice contains them whole. `alert 人才`: Pagefind answers a
 * Latin word it lacks with the pages holding its first letter (the A of "A类").
 */
export const NEGATIVES = ['火星创新', '量子纠缠', '梁孝克 火星', '区宇宙局', '外星人答复', 'alert 人才'];

export interface QualityRow {
  q: string;
  kind: string;
  relevant: number;
  /** Share of the top 5 (or of all relevant, if fewer) that are relevant. */
  recall: number;
  /** The first min(5, relevant) results all contain the query text. */
  exactTop: boolean;
}

export async function positiveRow(page: Page, base: string, truth: ReadonlyMap<string, string>, q: string, kind: string): Promise<QualityRow> {
  const rel = relevantIn(truth, q);
  const r = await searchFor(page, base, q);
  const top = r.results.slice(0, 5).map((x) => x.path);
  const wanted = Math.min(5, rel.size);
  const recall = top.filter((p) => rel.has(p)).length / wanted;
  // Results containing the query text itself rank above those with its pieces apart.
  const exactTop = top.length >= wanted && top.slice(0, wanted).every((p) => rel.has(p));
  return { q, kind, relevant: rel.size, recall, exactTop };
}

/** A negative query is handled when the page says nothing matched it whole and labels whatever it lists as partial. */
export async function negativeHandled(page: Page, base: string, q: string): Promise<boolean> {
  const r = await searchFor(page, base, q);
  return r.partial && /^没有找到/.test(r.status) && (!r.results.length || /只包含部分关键词的结果（不含/.test(r.heading));
}

export interface QualityReport {
  rows: QualityRow[];
  meanRecall: number;
  /** Multi-character queries whose top results did not all contain the query text. */
  exactMisses: string[];
  negativesHandled: number;
  negatives: number;
  /** Positive queries with no relevant notice in this corpus (not scored). */
  skipped: string[];
}

/** The whole measure over a built site (for the bench: queries without a relevant notice here are skipped). */
export async function measureQuality(page: Page, base: string, dist: string, positives = POSITIVES, negatives = NEGATIVES): Promise<QualityReport> {
  const truth = groundTruth(dist);
  const rows: QualityRow[] = [];
  const skipped: string[] = [];
  for (const [q, kind] of positives) {
    if (relevantIn(truth, q).size === 0) skipped.push(q);
    else rows.push(await positiveRow(page, base, truth, q, kind));
  }
  let handled = 0;
  const scored = negatives.filter((q) => relevantIn(truth, q).size === 0);
  for (const q of scored) if (await negativeHandled(page, base, q)) handled++;
  return {
    rows,
    meanRecall: rows.reduce((s, r) => s + r.recall, 0) / rows.length,
    exactMisses: rows.filter((r) => [...r.q].length > 1 && !r.exactTop).map((r) => r.q),
    negativesHandled: handled,
    negatives: scored.length,
    skipped,
  };
}
