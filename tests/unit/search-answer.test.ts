import { describe, expect, it } from 'vitest';
import { TableSearch } from '../../src/lib/search/answer';
import { planSearch, splitChunks, type SearchRequest } from '../../src/lib/search/plan';
import { normaliseText } from '../../src/lib/search/normalize';
import { parseCharMap } from '../../src/lib/search/fold';
import { seededRandom, intBetween } from '../../src/lib/corpus/random';
import type { SearchDoc } from '../../src/lib/build/search-tables';
import { memoryTables } from '../support/memory-tables';
import { smallCorpus as corpus } from '../support/small-corpus';
import { describeAnswer } from '../../src/lib/search/describe';
import { fragmentUrl } from '../../src/lib/search/contract';

const map = parseCharMap('嘉嘉興兴區区橋桥');
const req = (q: string, more: Partial<SearchRequest> = {}): SearchRequest => ({
  q,
  filters: {},
  sort: 'relevance',
  ...more,
});

/** The truth, from the texts: notices holding every chunk. */
function truth(docs: readonly SearchDoc[], q: string): number[] {
  const chunks = splitChunks(q)
    .map((c) => normaliseText(c, map))
    .filter(Boolean);
  return docs.flatMap((d, i) => {
    const parts = [d.title, ...d.fields, d.body].map((p) => normaliseText(p, map));
    return chunks.every((c) => parts.some((p) => p.includes(c))) ? [i] : [];
  });
}

describe('search answers from the tables', () => {
  const docs = corpus(300);
  const { reader, stats } = memoryTables(docs, map);

  it('counts exactly the notices holding each text, for texts of every length', async () => {
    const rand = seededRandom(99);
    const search = new TableSearch(reader);
    for (let k = 0; k < 150; k++) {
      const d = docs[intBetween(rand, 0, docs.length - 1)]!;
      const text = normaliseText(d.body, map);
      const len = intBetween(rand, 1, 40);
      const at = intBetween(rand, 0, text.length - len);
      const q = text.slice(at, at + len);
      const answer = await search.answer(planSearch(req(q), map), map);
      expect(
        [...answer.ids].sort((a, b) => a - b),
        q,
      ).toEqual(truth(docs, q));
      expect(answer.partial).toBeNull();
    }
  });

  it('the same answers when the tables are collected in several passes (as on a large site)', async () => {
    const passes = memoryTables(docs, map, 20_000);
    const one = new TableSearch(reader);
    const several = new TableSearch(passes.reader);
    for (const q of [
      '研发投入',
      '柯桥区持续推进',
      '越教〔2024〕17号',
      '关于',
      '区',
      '项，',
      '创新 柯桥区',
    ]) {
      expect([...(await several.answer(planSearch(req(q), map), map)).ids], q).toEqual([
        ...(await one.answer(planSearch(req(q), map), map)).ids,
      ]);
    }
  });

  it('a sentence pasted with its punctuation, or a 文号 in other brackets, is the same text', async () => {
    const search = new TableSearch(reader);
    const sentence = docs[5]!.body.split('。')[1]! + '。';
    const a = await search.answer(planSearch(req(sentence), map), map);
    expect(a.ids[0]).toBe(truth(docs, sentence)[0]);
    expect(a.ids.length).toBe(truth(docs, sentence).length);
    const b = await search.answer(planSearch(req('越教[2024]17号'), map), map);
    expect([...b.ids]).toEqual([16]);
    const c = await search.answer(planSearch(req('11330602056860309P-2024-10016'), map), map);
    expect([...c.ids]).toEqual([16]);
  });

  it('several chunks: notices holding every chunk; the whole text first, then title, then newest', async () => {
    const search = new TableSearch(reader);
    const q = '柯桥区 持续推进';
    const a = await search.answer(planSearch(req(q), map), map);
    const expected = truth(docs, q);
    expect(a.ids.length).toBe(expected.length);
    const whole = new Set(truth(docs, '柯桥区持续推进'));
    const ids = [...a.ids];
    const firstApart = ids.findIndex((d) => !whole.has(d));
    expect(firstApart).toBe(whole.size);
    // Within a tier, newest (smallest number) first.
    expect(ids.slice(0, whole.size)).toEqual([...ids.slice(0, whole.size)].sort((x, y) => x - y));
  });

  it('title holders first', async () => {
    const search = new TableSearch(reader);
    const a = await search.answer(planSearch(req('研发投入'), map), map);
    const inTitle = new Set(docs.flatMap((d, i) => (d.title.includes('研发投入') ? [i] : [])));
    expect(inTitle.size).toBeGreaterThan(0);
    expect([...a.ids].slice(0, inTitle.size).every((d) => inTitle.has(d))).toBe(true);
    expect(a.ids.length).toBe(truth(docs, '研发投入').length);
  });

  it('date order is newest first', async () => {
    const search = new TableSearch(reader);
    const a = await search.answer(planSearch(req('研发投入', { sort: 'date' }), map), map);
    expect([...a.ids]).toEqual(truth(docs, '研发投入'));
  });

  it('traditional characters find simplified text', async () => {
    const search = new TableSearch(reader);
    const a = await search.answer(planSearch(req('柯橋區'), map), map);
    expect(a.ids.length).toBe(truth(docs, '柯桥区').length);
  });

  it('quotes make one chunk of what they hold', () => {
    expect(splitChunks('"柯桥区 加快建设" 人才')).toEqual(['柯桥区 加快建设', '人才']);
    expect(splitChunks('「科技」 创新')).toEqual(['科技', '创新']);
    // Quotation marks inside a pasted sentence are part of it, not search quotes.
    expect(splitChunks('持续推进“315”科技创新体系建设')).toEqual(['持续推进“315”科技创新体系建设']);
    expect(splitChunks('“315”科技创新 人才')).toEqual(['“315”科技创新', '人才']);
    expect(splitChunks('"越城区 人才"')).toEqual(['越城区 人才']);
  });

  it('a word the site lacks: partial, with the words it has, never counted as found', async () => {
    const search = new TableSearch(reader);
    const a = await search.answer(planSearch(req('火星研发投入'), map), map);
    expect(a.partial).not.toBeNull();
    expect(a.partial!.missing).toContain('火星');
    expect([...a.ids].sort((x, y) => x - y)).toEqual(truth(docs, '研发投入'));
  });

  it('filters alone list their notices newest first; with text they narrow it', async () => {
    const search = new TableSearch(reader);
    const a = await search.answer(planSearch(req('', { filters: { 年份: '2023' } }), map), map);
    expect([...a.ids]).toEqual(docs.flatMap((d, i) => (d.filters['年份'] === '2023' ? [i] : [])));
    const b = await search.answer(
      planSearch(
        req('研发投入', { filters: { 年份: '2023', 组配分类: '通知公告' }, sort: 'date' }),
        map,
      ),
      map,
    );
    expect([...b.ids]).toEqual(
      truth(docs, '研发投入').filter(
        (i) => docs[i]!.filters['年份'] === '2023' && docs[i]!.filters['组配分类'] === '通知公告',
      ),
    );
  });

  it('no words: empty or punctuation plans fetch nothing', async () => {
    const search = new TableSearch(reader);
    const before = stats.requests;
    expect((await search.answer(planSearch(req('  '), map), map)).plan.kind).toBe('empty');
    expect((await search.answer(planSearch(req('，。！'), map), map)).plan.kind).toBe(
      'punctuation',
    );
    expect(stats.requests).toBe(before);
  });

  it('Latin queries are marked so a miss can say what the site is searched by', () => {
    const p = planSearch(req('kejichuangxin'), map);
    expect(p.kind === 'text' && p.latin).toBe(true);
  });
});

describe('what the page says', () => {
  const docs = corpus(60, 3);
  const { reader } = memoryTables(docs, map);
  const say = async (q: string, more: Partial<SearchRequest> = {}) =>
    describeAnswer(await new TableSearch(reader).answer(planSearch(req(q, more), map), map));

  it('states the count of notices holding the query, and the order when it is by date', async () => {
    const n = truth(docs, '研发投入').length;
    expect((await say('研发投入')).status).toBe(`找到 ${n} 条包含「研发投入」的结果。`);
    expect((await say('研发投入 柯桥区', { sort: 'date' })).status).toBe(
      `找到 ${truth(docs, '研发投入 柯桥区').length} 条同时包含「研发投入」「柯桥区」的结果，按发文日期排列，最新的在前。`,
    );
  });
  it('a partial list is never counted and says which words the site lacks', async () => {
    const s = await say('火星研发投入');
    expect(s.status).toBe(
      '没有找到包含「火星研发投入」的结果（本站没有「火星」）。下面列出只包含其中「研发」「投入」的信息，最新的在前，不计入搜索结果。',
    );
    expect(s.status).not.toMatch(/\d+ 条/);
    expect(s.heading).toBe('只包含部分关键词（「研发」「投入」）的信息');
    expect((await say('火星')).status).toBe('没有找到包含「火星」的结果。');
  });
  it('asks for words, and tells a Latin or pinyin query what the site is searched by', async () => {
    expect((await say('')).status).toBe('请输入要查找的字词，或选择筛选条件。');
    expect((await say('、。')).status).toBe('请输入要查找的字词：只有标点符号，无法搜索。');
    expect((await say('kejichuangxin')).status).toBe(
      '没有找到包含「kejichuangxin」的结果。本站按汉字、文号或索引号检索，拼音和英文单词查不到中文内容，请改用中文关键词。',
    );
  });
  it('filters alone: how many notices they keep', async () => {
    const n = docs.filter((d) => d.filters['年份'] === '2024').length;
    expect((await say('', { filters: { 年份: '2024' } })).status).toBe(
      `按所选条件共有 ${n} 条信息，最新的在前。`,
    );
  });
  it("names where each result's record is", async () => {
    const search = new TableSearch(reader);
    expect(await search.fragments([0, 17, 59])).toEqual([
      'pagefind/zh_0',
      'pagefind/zh_17',
      'pagefind/zh_59',
    ]);
    expect(fragmentUrl('pagefind-2/zh_ab12')).toBe('/pagefind-2/fragment/zh_ab12.pf_fragment');
  });
});

describe('more of what the page says', () => {
  const docs = corpus(80, 11);
  const { reader } = memoryTables(docs, map);
  const run = async (q: string, more: Partial<SearchRequest> = {}) =>
    new TableSearch(reader).answer(planSearch(req(q, more), map), map);

  it('with filters, says the count is of the filtered notices, and how to search everything', async () => {
    const n = truth(docs, '研发投入').filter((i) => docs[i]!.filters['年份'] === '2023').length;
    expect(describeAnswer(await run('研发投入', { filters: { 年份: '2023' } })).status).toBe(
      `找到 ${n} 条包含「研发投入」的结果（筛选条件：年份「2023」）。`,
    );
    expect(describeAnswer(await run('研发投入', { filters: { 年份: '1999' } })).status).toBe(
      '没有找到包含「研发投入」的结果（筛选条件：年份「1999」）。可把筛选条件改回“全部”，搜索全部信息。',
    );
  });
  it('words the site has but never together: those holding more of them first, labelled partial, not counted', async () => {
    const a = await run('越教〔2024〕1号 越教〔2024〕2号');
    expect(a.partial).toEqual({ missing: [], known: ['越教20241号', '越教20242号'], some: true });
    expect([...a.ids].slice(0, 2).sort()).toEqual([0, 1]);
    expect(describeAnswer(a).status).toContain('没有一条信息同时包含它们');
  });
});

describe('a phrase held by notices spread over the whole site', () => {
  it("reads each piece's positions in a bounded number of requests, and counts exactly", async () => {
    // Every notice has 甲乙丙丁戊己庚辛; one in 37 has it followed by 壬.
    const docs: SearchDoc[] = Array.from({ length: 3000 }, (_, i) => ({
      fragment: `pagefind/zh_${i}`,
      title: '通知',
      fields: [],
      filters: {},
      body: `前言甲乙丙丁戊己庚辛${i % 37 === 0 ? '壬' : '癸'}结束。`,
    }));
    const { reader, stats } = memoryTables(docs, map);
    const before = stats.requests;
    const a = await new TableSearch(reader).answer(planSearch(req('甲乙丙丁戊己庚辛壬'), map), map);
    expect([...a.ids]).toEqual(docs.flatMap((_, i) => (i % 37 === 0 ? [i] : [])));
    // Three pieces: their key files, then per piece its list and at most 16 ranges of blocks (82 runs of blocks each).
    expect(stats.requests - before).toBeLessThanOrEqual(3 + 3 * (1 + 16));
  });
});
