import { describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addGramCodes, gramOfCode, bucketCount, bucketOf, bucketsFor, encodeMask, gramsOf, maskHas, parseBucket, tableBuckets, termFile, termGrams, termRoutes, GRAMS_PER_BUCKET } from '../../src/lib/search/routes';
import { addRecordGrams, GRAMS_FILE, writeBundleGrams, writeTermTable } from '../../src/lib/build/search-routes';
import { missingTerms } from '../../src/lib/search/query';

/** A table over some bundles' texts, and a lookup as the search page does it (through the bucket files). */
function tableOf(texts: Record<string, string[]>, buckets = 4) {
  const bundles = Object.keys(texts);
  const members = new Map<string, number[]>();
  bundles.forEach((b, i) => {
    const grams = new Set<string>();
    for (const t of texts[b]!) for (const g of gramsOf(t)) grams.add(g);
    for (const g of grams) members.set(g, [...(members.get(g) ?? []), i]);
  });
  const files = tableBuckets(members, buckets).map(parseBucket);
  const table = { buckets, bundles };
  return (terms: string[]) => termRoutes(table, terms, (g) => files[bucketOf(g, buckets)]!.get(g));
}

describe('the term table', () => {
  it('cuts texts and terms into the same grams: one character, or two adjacent ones, without spaces or case', () => {
    expect(gramsOf('科技 创新A')).toEqual(new Set(['科', '科技', '技', '技创', '创', '创新', '新', '新a', 'a']));
    expect(termGrams('科技创新')).toEqual(['科技', '技创', '创新']);
    expect(termGrams('区')).toEqual(['区']);
    expect(termGrams('ＧＤＰ')).toEqual(['gd', 'dp']);
  });

  it('counts characters outside the BMP as one character, and turns every gram number back into its text', () => {
    expect(gramsOf('𠀋𠀌字')).toEqual(new Set(['𠀋', '𠀋𠀌', '𠀌', '𠀌字', '字']));
    const codes = new Set<number>();
    addGramCodes('越城区 ＧＤＰ（２０２４）𠀋', codes);
    expect([...codes].map(gramOfCode).sort()).toEqual(['(', '(2', ')', ')𠀋', '0', '02', '2', '20', '24', '4', '4)', 'd', 'dp', 'g', 'gd', 'p', 'p(', '区', '区g', '城', '城区', '越', '越城', '𠀋'].sort());
  });

  it('numbers bundles in a mask of any length', () => {
    for (const members of [[0], [3], [4], [0, 5, 21], [63, 64, 200]]) {
      const mask = encodeMask(members);
      for (let i = 0; i < 210; i++) expect(maskHas(mask, i)).toBe(members.includes(i));
    }
  });

  it('opens only the bundles whose texts have every gram of every term', () => {
    const routes = tableOf({
      '/pagefind/': ['越城区科技创新人才政策', '嘉兴研发投入'],
      '/pagefind-1/': ['人才飞地建设', '科技局答复'],
      '/pagefind-2/': ['产教融合实训基地', '科技创新券'],
    });
    const all = ['/pagefind/', '/pagefind-1/', '/pagefind-2/'];
    expect(routes(['科技创新']).bundlesFor(all, ['科技创新'])).toEqual(['/pagefind/', '/pagefind-2/']);
    expect(routes(['人才']).bundlesFor(all, ['人才'])).toEqual(['/pagefind/', '/pagefind-1/']);
    expect(routes(['人才', '飞地']).bundlesFor(all, ['人才', '飞地'])).toEqual(['/pagefind-1/']);
    // A bundle not in the table (an incremental build's delta bundle) may hold anything.
    expect(routes(['产教融合']).bundlesFor([...all, '/pagefind-delta/'], ['产教融合'])).toEqual(['/pagefind-2/', '/pagefind-delta/']);
    expect(routes(['火星']).outside([...all, '/pagefind-delta/'])).toEqual(['/pagefind-delta/']);
  });

  it('names the terms no bundle holds, and never one that some text contains', () => {
    const routes = tableOf({ '/pagefind/': ['越城区科技创新'], '/pagefind-1/': ['产教融合'] });
    expect(routes(['火星', '创新', '教融', '城区科']).absent).toEqual(['火星']);
    // Every pair present, but not side by side: still "may hold" (the table lists too much, never too little).
    expect(routes(['科技城']).absent).toEqual(['科技城']);
    expect(routes(['创新产']).absent).toEqual(['创新产']);
  });

  it('is a superset: whatever term a text contains routes to its bundle', () => {
    const texts = ['越城区人民政府关于2024年科技创新券的答复', '對區政協提案的答覆：研發投入', 'GDP增长 5.2%', '孵化器（众创空间）'];
    const routes = tableOf({ '/pagefind/': texts }, 8);
    for (const text of texts) {
      const chars = [...text];
      for (let i = 0; i < chars.length; i++)
        for (let j = i + 1; j <= Math.min(chars.length, i + 6); j++) {
          const term = chars.slice(i, j).join('').trim();
          if (!term || missingTerms(text, [term]).length) continue;
          expect(routes([term]).bundlesFor(['/pagefind/'], [term]), term).toEqual(['/pagefind/']);
        }
    }
  });

  it('has about GRAMS_PER_BUCKET grams per bucket, and a query fetches one bucket per distinct gram at most', () => {
    expect(bucketCount(10)).toBe(1);
    expect(bucketCount(GRAMS_PER_BUCKET * 3)).toBe(4);
    const ks = bucketsFor(['知识产权保护', '区'], 64);
    expect(ks.length).toBeLessThanOrEqual(6);
    expect(ks).toEqual([...ks].sort((a, b) => a - b));
  });

  it('is written from the bundles\' gram lists, which are then not published', () => {
    const site = mkdtempSync(join(tmpdir(), 'gongkai-terms-'));
    const lists = { '/pagefind/': ['越城区 科技 创新'], '/pagefind-1/': ['對區政協 提案', '<b>标签</b>'] };
    for (const [bundle, texts] of Object.entries(lists)) {
      mkdirSync(join(site, bundle), { recursive: true });
      const grams = new Set<number>();
      for (const t of texts) addRecordGrams(grams, '标题', t);
      writeBundleGrams(join(site, bundle), grams);
    }
    const table = writeTermTable(site, Object.keys(lists));
    expect(table).toEqual({ buckets: 1, bundles: ['/pagefind/', '/pagefind-1/'] });
    for (const bundle of Object.keys(lists)) expect(existsSync(join(site, bundle, GRAMS_FILE))).toBe(false);
    expect(readdirSync(join(site, 'search', 'terms'))).toEqual(['0.txt']);
    const file = parseBucket(readFileSync(join(site, termFile(0)), 'utf8'));
    const routes = termRoutes(table, [], (g) => file.get(g));
    expect(routes.bundlesFor(table.bundles, ['科技创新'])).toEqual(['/pagefind/']);
    // Traditional text is folded as the page folds it; the text is as Pagefind's data() returns it.
    expect(routes.bundlesFor(table.bundles, ['对区政协'])).toEqual(['/pagefind-1/']);
    expect(routes.bundlesFor(table.bundles, ['标题'])).toEqual(table.bundles);
    expect(routes.bundlesFor(table.bundles, ['标签'])).toEqual(['/pagefind-1/']);
  });
});
