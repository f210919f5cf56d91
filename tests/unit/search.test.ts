import { describe, expect, it } from 'vitest';
import { parseCharMap } from '../../src/lib/search/fold';
import { excerptRuns } from '../../src/lib/search/excerpt';
import { articleText } from '../../src/lib/search/records';
import { buildCharPairs } from '../../src/lib/search/char-map';
import { normaliseText, normaliseWithOffsets } from '../../src/lib/search/normalize';
import { shardPlan } from '../../src/lib/build/shards';
import { charmapFiles, LazyCharMap } from '../../src/lib/search/charmap';

const map = parseCharMap(buildCharPairs());

describe('what "the same text" means', () => {
  it('folds traditional to simplified, leaving simplified alone', () => {
    expect(normaliseText('系統 嘉興 研發投入 創新聯合體', map)).toBe('系统嘉兴研发投入创新联合体');
    expect(normaliseText('系统 越城区', map)).toBe('系统越城区');
    expect(map.size).toBeGreaterThan(3000);
  });
  it('ignores spaces, punctuation, symbols, width and case', () => {
    expect(normaliseText('越教〔2024〕205号', map)).toBe(normaliseText('越教[2024] 205号', map));
    expect(normaliseText('11330602056860309P/2024-96040', map)).toBe('11330602056860309p202496040');
    expect(normaliseText('ＡＢＣ，研發投入。', map)).toBe('abc研发投入');
  });
  it('maps each normalised character back to where it was written', () => {
    const { text, from } = normaliseWithOffsets('甲，乙 丙', map);
    expect(text).toBe('甲乙丙');
    expect(from).toEqual([0, 2, 4]);
  });
});

describe('excerpts', () => {
  const body = '近年来，越城区认真贯彻落实上级部署。2023年R&D经费投入增长，越城区名列前茅。';
  it('come from the body around the first match, every match marked', () => {
    const runs = excerptRuns(body, [normaliseText('越城区', map)], map);
    expect(runs.filter((r) => r.mark).map((r) => r.text)).toEqual(['越城区', '越城区']);
    expect(runs.map((r) => r.text).join('')).toBe(
      '近年来，越城区认真贯彻落实上级部署。2023年R&D经费投入增长，越城区名列前茅。',
    );
  });
  it('mark text as written: a query in other punctuation or script marks the body’s own', () => {
    const runs = excerptRuns(
      '依據越教〔2024〕205號文件',
      [normaliseText('越教[2024]205号', map)],
      map,
    );
    expect(runs.find((r) => r.mark)?.text).toBe('越教〔2024〕205號');
  });
  it('a notice found by its title gets the beginning of its body, unmarked', () => {
    const runs = excerptRuns(body, [normaliseText('火星', map)], map);
    expect(runs.every((r) => !r.mark)).toBe(true);
    expect(runs[0]!.text.startsWith('近年来')).toBe(true);
  });
});

describe('record text', () => {
  it('is the body: not the title, the metadata tables or the ignored parts', () => {
    const html =
      '<main><article class="notice"><table class="notice-meta"><caption>信息索引</caption><tr><th>索引号</th><td>X/2024-1</td></tr></table><h1>标题</h1><table class="reply-meta"><tr><th>会议</th><td>某会议</td></tr></table><p>正文&amp;内容</p><div class="x" data-pagefind-ignore><p>打印</p></div></article></main>';
    expect(articleText(html)).toBe('正文&内容');
  });
});

describe('search bundles', () => {
  it('splits the notices evenly, newest first, keeping their order', () => {
    const items = Array.from({ length: 10_500 }, (_, i) => i);
    const plan = shardPlan(items, 5000);
    expect(plan.map((s) => [s.bundle, s.items.length])).toEqual([
      ['pagefind', 3500],
      ['pagefind-1', 3500],
      ['pagefind-2', 3500],
    ]);
    expect(plan.flatMap((s) => s.items)).toEqual(items);
    expect(shardPlan(items.slice(0, 100), 40).map((s) => s.items.length)).toEqual([34, 34, 32]);
    expect(shardPlan([], 40)).toEqual([{ bundle: 'pagefind', items: [] }]);
  });
});

describe('the character map, loaded as texts need it', () => {
  const { flags, parts } = charmapFiles(buildCharPairs());
  it('is small to start with, and a simplified text loads no pairs', async () => {
    expect(flags.length).toBeLessThan(4000);
    const fetched: number[] = [];
    const lazy = new LazyCharMap(flags, async (k) => (fetched.push(k), parts[k]!));
    await lazy.need('越城区科技创新工作推进会');
    expect(fetched).toEqual([]);
    await lazy.need('嘉興市研發投入');
    expect(fetched.length).toBeGreaterThan(0);
    expect(normaliseText('嘉興市研發投入', lazy.map)).toBe('嘉兴市研发投入');
  });
  it('holds every pair of the whole map', () => {
    expect(parts.join('').length).toBe(buildCharPairs().length);
  });
});

describe('numbers keep their decimal point and per cent sign', () => {
  it('3.0% is not 30', () => {
    expect(normaliseText('增长3.0%，达30项', map)).toBe('增长3.0%达30项');
    expect(normaliseText('３．５％', map)).toBe('3.5%');
    expect(normaliseText('一、总则。二、', map)).toBe('一总则二');
  });
});
