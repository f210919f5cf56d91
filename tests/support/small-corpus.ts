import { seededRandom, pick, intBetween } from '../../src/lib/corpus/random';
import {
  PLACES,
  ACTIONS,
  OBJECTS,
  TOPICS,
  RESULTS,
  SURNAMES,
  GIVEN,
} from '../../src/lib/corpus/vocabulary';
import type { SearchDoc } from '../../src/lib/build/search-tables';

/** A small corpus in the generator's register: the same few parts over and over, as real notices are. */
export function smallCorpus(n: number, seed = 7): SearchDoc[] {
  const rand = seededRandom(seed);
  const sentence = () =>
    `${pick(rand, PLACES)}${pick(rand, ACTIONS)}${pick(rand, OBJECTS)}，围绕${pick(rand, TOPICS)}累计实施项目${intBetween(rand, 2, 980)}项，${pick(rand, RESULTS)}。`;
  return Array.from({ length: n }, (_, i) => ({
    fragment: `pagefind/zh_${i}`,
    title: `关于${pick(rand, TOPICS)}的${pick(rand, ['通知', '答复', '报告'])}`,
    fields: [`11330602056860309P/2024-${String(10000 + i)}`, `越教〔2024〕${i + 1}号`],
    body:
      `${pick(rand, SURNAMES)}${pick(rand, GIVEN)}代表：` +
      Array.from({ length: intBetween(rand, 3, 12) }, sentence).join(''),
    filters: { 年份: String(2024 - (i % 3)), 组配分类: pick(rand, ['通知公告', '人大代表建议']) },
  }));
}
