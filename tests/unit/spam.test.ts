import { describe, expect, it } from 'vitest';
import { findSpam } from '../../src/lib/lint/spam';

describe('defacement lint', () => {
  it('finds the seed 000 injection once per occurrence, with its line', () => {
    const hits = findSpam('第一行\n近年来,188体育_188体育平台@:认真贯彻\n2023年,188体育_188体育平台@:全社会');
    expect(hits.map((h) => [h.line, h.match])).toEqual([
      [2, '188体育_188体育平台@:'],
      [3, '188体育_188体育平台@:'],
    ]);
  });
  it.each(['澳门葡京', '百家乐', '网上赌场', 'bet365', '真人娱乐', '注册送彩金', '六合彩开奖', '皇冠体育', '太阳城'])('flags %s', (s) => {
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
