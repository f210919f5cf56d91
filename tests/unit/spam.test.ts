import { describe, expect, it } from 'vitest';
import { findSpam } from '../../src/lib/lint/spam';
import fc from 'fast-check';

describe('defacement lint', () => {
  it('finds the seed 000 injection once per occurrence, with its line', () => {
    const hits = findSpam(
      '第一行\n近年来,188体育_188体育平台@:认真贯彻\n2023年,188体育_188体育平台@:全社会',
    );
    expect(hits.map((h) => [h.line, h.match])).toEqual([
      [2, '188体育_188体育平台@:'],
      [3, '188体育_188体育平台@:'],
    ]);
  });
  it.each([
    '澳门葡京',
    '百家乐',
    '网上赌场',
    'bet365',
    '真人娱乐',
    '注册送彩金',
    '六合彩开奖',
    '皇冠体育',
    '太阳城',
  ])('flags %s', (s) => {
    expect(findSpam(`本区${s}相关`)).toHaveLength(1);
  });
  it.each([
    '区体育局组织全民健身活动',
    '福利彩票和体育彩票发行收入',
    '体育彩票投注站管理',
    '澳门特别行政区代表团来访',
    '“学习年·行动年·服务年”见行动 @绍兴',
    '研究与试验发展(R&D)经费',
    '联系电话:0571-87055403',
    '附件下载：files/report_2024.pdf',
  ])('leaves legitimate text alone: %s', (s) => {
    expect(findSpam(s)).toEqual([]);
  });
});

describe('underscore-glued spam rule', () => {
  // The rule is anchored at the start of a run of Han/word characters so long Chinese text is
  // scanned once; it must find exactly what the plain (quadratic) pattern finds.
  const plain = /[\p{Script=Han}\w]+_[\p{Script=Han}\w]*\p{Script=Han}[\p{Script=Han}\w]*/gu;
  it('matches what the unanchored pattern matches, on random text', () => {
    const piece = fc.constantFrom(
      '体育',
      '平台',
      '_',
      '@',
      ':',
      ' ',
      '188',
      'ab',
      '，',
      '\n',
      '科技',
      'x_y',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        const expected = [...text.matchAll(plain)].map((m) => m.index);
        const found = findSpam(text)
          .filter((h) => h.rule.includes('垃圾信息格式'))
          .map((h) => h.index);
        for (const i of expected) expect(found.some((f) => f <= i)).toBe(true);
        if (!expected.length)
          expect(
            findSpam(text).some((h) => h.rule === '垃圾信息格式' && h.match.includes('_')),
          ).toBe(false);
      }),
      { seed: 20261124, numRuns: 500 },
    );
  });
});

describe('Latin spam terms in any letter case (the rules spell case out rather than scan with /i)', () => {
  it.each([
    ['欢迎访问BET365官方网址', 'BET365'],
    ['Casino 在线', 'Casino'],
    ['北京赛车PK10开奖', '北京赛车PK10'],
    ['AbC888娱乐APP下载', 'AbC888娱乐APP'],
  ])('%s', (text, match) => {
    expect(
      findSpam(text)
        .map((h) => h.match)
        .join('|'),
    ).toContain(match);
  });
  it('leaves words that merely contain the letters alone', () => {
    expect(findSpam('alphabet soup and casinos are not flagged; betting is')).toEqual([]);
  });
});
