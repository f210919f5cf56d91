import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { articleText } from '../../src/lib/search/records';
import { compareNewestFirst } from '../../src/lib/site/notices';
import { buildCharPairs } from '../../src/lib/search/char-map';
import { parseCharMap } from '../../src/lib/search/fold';
import { normaliseText } from '../../src/lib/search/normalize';
import { splitChunks } from '../../src/lib/search/plan';
import { intBetween, pick, seededRandom } from '../../src/lib/corpus/random';
import { PLACES, SURNAMES, GIVEN, TOPICS } from '../../src/lib/corpus/vocabulary';

/**
 * What a search of a built site must answer, worked out from the published notices themselves (the
 * open data for metadata, each notice page for its body), by brute force over their normalised
 * texts: the ground truth the search page is tested and benchmarked against.
 */
export interface TruthDoc {
  url: string;
  indexNo: string;
  date: string;
  publishedAt: string;
  title: string;
  docNo: string | null;
  /** Title and metadata (索引号, 文号, 发布机构, 组配分类, 关键词, 内容概述, a reply's 会议, 代表/委员, 题目), normalised. */
  heading: string[];
  /** Every part, normalised: heading and body. */
  parts: string[];
  body: string;
  filters: Record<string, string>;
}

interface OpenDataRecord {
  url: string;
  indexNo: string;
  title: string;
  category: string;
  issuer: string;
  date: string;
  publishedAt: string;
  validity: string | null;
  docNo: string | null;
  keywords: string[];
  summary: string | null;
  reply: null | { session: string; addressee: string; subject: string | null };
}

export const map = parseCharMap(buildCharPairs());
export const norm = (s: string) => normaliseText(s, map);

/** The published notices, newest first (compareNewestFirst: 发文日期, 发布日期, 索引号), as the search numbers them. */
export function truthDocs(dist: string): TruthDoc[] {
  const records = JSON.parse(
    readFileSync(join(dist, 'data', 'notices.json'), 'utf8'),
  ) as OpenDataRecord[];
  return records
    .map((r) => {
      const path = new URL(r.url).pathname;
      const body = articleText(readFileSync(join(dist, path, 'index.html'), 'utf8'));
      const heading = [
        r.title,
        r.indexNo,
        r.docNo,
        r.issuer,
        r.category,
        ...r.keywords,
        r.summary,
        r.reply?.session,
        r.reply?.addressee,
        r.reply?.subject,
      ]
        .filter((x): x is string => !!x)
        .map(norm);
      const filters: Record<string, string> = {
        组配分类: r.category,
        发布机构: r.issuer,
        年份: r.date.slice(0, 4),
        ...(r.validity ? { 有效性: r.validity } : {}),
      };
      return {
        url: path,
        indexNo: r.indexNo,
        date: r.date,
        publishedAt: r.publishedAt,
        title: r.title,
        docNo: r.docNo,
        heading,
        parts: [...heading, norm(body)],
        body,
        filters,
      };
    })
    .sort(compareNewestFirst);
}

export interface TruthRequest {
  kind: string;
  q: string;
  filters?: Record<string, string>;
  sort?: 'date';
}

/** The URL query string of a request (as the search page writes it). */
export function requestQuery(r: TruthRequest): string {
  const p = new URLSearchParams();
  if (r.q) p.set('q', r.q);
  for (const [k, v] of Object.entries(r.filters ?? {})) p.set(k, v);
  if (r.sort) p.set('sort', r.sort);
  return p.toString();
}

/**
 * The expected answer: the notices holding every chunk (kept by the filters), in the order the
 * search promises — by relevance: the whole text (several chunks side by side) before chunks apart,
 * then title or identifiers before body only, then newest; by date: newest first.
 */
export function expected(
  docs: readonly TruthDoc[],
  r: TruthRequest,
): { urls: string[]; chunks: string[] } {
  const chunks = [...new Set(splitChunks(r.q).map(norm).filter(Boolean))];
  const filters = Object.entries(r.filters ?? {});
  const whole = chunks.length > 1 ? chunks.join('') : null;
  const holds = (d: TruthDoc, t: string) => d.parts.some((p) => p.includes(t));
  const inHeading = (d: TruthDoc, t: string) => d.heading.some((p) => p.includes(t));
  const matched = docs.filter(
    (d) => filters.every(([k, v]) => d.filters[k] === v) && chunks.every((c) => holds(d, c)),
  );
  if (!chunks.length || r.sort === 'date') return { urls: matched.map((d) => d.url), chunks };
  const tier = (d: TruthDoc) => {
    const apart = whole !== null && !holds(d, whole);
    const heading = whole && !apart ? inHeading(d, whole) : chunks.every((c) => inHeading(d, c));
    return (apart ? 2 : 0) + (heading ? 0 : 1);
  };
  const order = matched
    .map((d, i) => ({ d, i, t: tier(d) }))
    .sort((a, b) => a.t - b.t || a.i - b.i);
  return { urls: order.map((o) => o.d.url), chunks };
}

/**
 * Queries of every kind a visitor types, drawn from the notices (fixed seed): pasted sentences,
 * quoted phrases, people's names, 文号 and 索引号 in other brackets and separators, topic words,
 * two-chunk queries, traditional characters, filters without a keyword, date order, and words the
 * site lacks.
 */
export function visitorQueries(docs: readonly TruthDoc[], seed = 20261203): TruthRequest[] {
  const rand = seededRandom(seed);
  const out: TruthRequest[] = [];
  const some = <T>(items: readonly T[], n: number, ok: (t: T) => boolean = () => true) => {
    const got: T[] = [];
    for (let tries = 0; got.length < n && tries < 2000; tries++) {
      const t = pick(rand, items);
      if (ok(t) && !got.includes(t)) got.push(t);
    }
    return got;
  };
  for (const d of some(docs, 8, (d) => d.body.length > 200)) {
    const sentences = d.body.split('。').filter((s) => s.length >= 20 && !/[|：]/.test(s));
    if (sentences.length) out.push({ kind: '整句', q: pick(rand, sentences).trim() + '。' });
  }
  for (const d of some(docs, 6, (d) => d.body.length > 200)) {
    const clauses = d.body.split(/[，。；、：\s|]/).filter((c) => c.length >= 8 && c.length <= 24);
    if (clauses.length) out.push({ kind: '引号', q: `"${pick(rand, clauses)}"` });
  }
  const named = docs.filter((d) => /代表：|委员：/.test(d.body));
  for (const d of some(named, 4))
    out.push({ kind: '人名', q: /(\S{2,3})(?:代表|委员)：/.exec(d.body)?.[1] ?? d.title });
  for (let i = 0; i < 2; i++)
    out.push({ kind: '人名', q: pick(rand, SURNAMES) + pick(rand, GIVEN) });
  const brackets: Array<[string, string]> = [
    ['[', ']'],
    ['(', ')'],
    ['（', '）'],
  ];
  // A 文号 is one document's (the generator may draw one twice: those are left out).
  const docNoCount = new Map<string, number>();
  for (const d of docs) if (d.docNo) docNoCount.set(d.docNo, (docNoCount.get(d.docNo) ?? 0) + 1);
  for (const [i, d] of some(docs, 3, (d) => docNoCount.get(d.docNo ?? '') === 1).entries())
    out.push({
      kind: '文号',
      q: d.docNo!.replace('〔', brackets[i]![0]).replace('〕', brackets[i]![1]),
    });
  for (const [i, d] of some(docs, 3).entries())
    out.push({
      kind: '索引号',
      q: i === 0 ? d.indexNo : d.indexNo.replace('/', i === 1 ? '-' : ' '),
    });
  const inTitles = (w: string) => docs.filter((d) => d.title.includes(w)).length;
  const words = TOPICS.flatMap((t) => [t, t.slice(0, 4)]).filter((w) => inTitles(w) > 0);
  for (const w of some(words, 6)) out.push({ kind: '主题词', q: w });
  for (let i = 0; i < 5; i++)
    out.push({ kind: '两段', q: `${pick(rand, PLACES)} ${pick(rand, TOPICS).slice(0, 4)}` });
  out.push({ kind: '两段', q: `"${pick(rand, TOPICS)}" 答复` });
  out.push({ kind: '繁体', q: '集成電路' }, { kind: '繁体', q: '研發投入 嘉興市' });
  const years = [...new Set(docs.map((d) => d.filters['年份']!))];
  out.push({ kind: '筛选', q: '', filters: { 组配分类: '政协提案' } });
  out.push({ kind: '筛选', q: '', filters: { 年份: pick(rand, years) } });
  out.push({
    kind: '筛选',
    q: '',
    filters: { 发布机构: pick(rand, docs).filters['发布机构']!, 年份: pick(rand, years) },
  });
  for (const w of some(words, 2)) out.push({ kind: '按日期', q: w, sort: 'date' });
  out.push({
    kind: '按日期',
    q: pick(rand, PLACES),
    sort: 'date',
    filters: { 组配分类: '人大代表建议' },
  });
  out.push(
    { kind: '没有', q: '火星创新' },
    { kind: '没有', q: 'kejichuangxin' },
    { kind: '没有', q: 'alert 人才' },
  );
  void intBetween;
  return out;
}
