import { describe, expect, it } from 'vitest';
import { parseHeaderLine } from '../../src/lib/legacy/header';
import { findSubject, parseAddresseeLine, parseReplyTitle } from '../../src/lib/legacy/reply-title';
import { cutTrailingSections, isChromeLine, removePinyinDebris } from '../../src/lib/legacy/debris';
import {
  bodyToMarkdown,
  escapeMarkdown,
  fullWidthPunctuation,
  splitJoinedLine,
} from '../../src/lib/legacy/body';
import { detectScript } from '../../src/lib/legacy/script';
import { decodeInput } from '../../src/lib/legacy/decode';
import { applyReplacements, parseMetaFile } from '../../src/lib/legacy/meta-file';

describe('metadata header', () => {
  it('reads key: value runs on one line', () => {
    expect(parseHeaderLine('索引号: 11330602056860309P/2024-96040 组配分类: 人大代表建议')).toEqual(
      {
        indexNo: '11330602056860309P/2024-96040',
        category: '人大代表建议',
      },
    );
  });
  it('reads |-separated table rows', () => {
    expect(parseHeaderLine('发文日期: | 2024-07-15 | 公开方式: | 主动公开 |')).toEqual({
      date: '2024-07-15',
      disclosure: '主动公开',
    });
  });
  it('ignores lines that are not header lines', () => {
    expect(parseHeaderLine('冯观萍代表:')).toBeNull();
    expect(parseHeaderLine('本文索引号: x')).toBeNull();
  });
});

describe('reply titles and parts', () => {
  it.each([
    [
      '对区十届人大三次会议第36号建议的答复',
      { session: '区十届人大三次会议', number: '36', kind: '建议' },
    ],
    [
      '对省十四届人大二次会议温138号建议的答复',
      { session: '省十四届人大二次会议', number: '温138', kind: '建议' },
    ],
    [
      '关于余姚市政协十四届二次会议第113号提案的答复',
      { session: '余姚市政协十四届二次会议', number: '113', kind: '提案' },
    ],
    [
      '对区十届人大三次会议\n第36号建议的答复',
      { session: '区十届人大三次会议', number: '36', kind: '建议' },
    ],
  ])('parses %s', (title, parts) => expect(parseReplyTitle(title)).toEqual(parts));
  it('rejects other titles', () =>
    expect(parseReplyTitle('关于开展科技型中小企业评价工作的通知')).toBeNull());
  it('reads the addressee line and what follows it', () => {
    expect(parseAddresseeLine('冯观萍代表:')).toEqual({ name: '冯观萍', role: '代表', rest: '' });
    expect(parseAddresseeLine('徐建凤委员: 您提出的')).toEqual({
      name: '徐建凤',
      role: '委员',
      rest: '您提出的',
    });
  });
  it('finds the subject, quoted or not', () => {
    expect(findSubject('您提出的《关于提升制造业创新能力的建议》(市政协…)已收悉')).toBe(
      '关于提升制造业创新能力的建议',
    );
    expect(findSubject('您提出的关于加强政产学研深度融合发展的建议收悉,现答复如下')).toBe(
      '关于加强政产学研深度融合发展的建议',
    );
  });
});

describe('debris', () => {
  it('removes pinyin annotations and only those', () => {
    expect(removePinyinDebris('科技系統(tǒng)“改革”創(chuàng)新')).toBe('科技系統“改革”創新');
    expect(removePinyinDebris('研发(R&D)经费 制(修)定 (2023—2027 年)')).toBe(
      '研发(R&D)经费 制(修)定 (2023—2027 年)',
    );
  });
  it.each(['首页', '>政务公开>建议提案>人大代表建议', '打印 关闭', '| |||||', '供图/视觉中国'])(
    'treats %s as chrome',
    (l) => expect(isChromeLine(l)).toBe(true),
  );
  it.each(['一、下一步工作计划', '附件', '联系电话:88718631'])('keeps %s', (l) =>
    expect(isChromeLine(l)).toBe(false),
  );
  it('cuts a related-links list and a disclaimer', () => {
    expect(cutTrailingSections(['正文', '免責聲明:本網轉載…', '猜你喜欢', '科创引领'])).toEqual([
      '正文',
    ]);
  });
});

describe('body to Markdown', () => {
  it('uses Chinese punctuation next to Chinese text, not in times or URLs', () => {
    expect(
      fullWidthPunctuation('收悉,现答复如下: 09:48 (http://kjt.zj.gov.cn) 研发(R&D)经费'),
    ).toBe('收悉，现答复如下： 09:48 (http://kjt.zj.gov.cn) 研发（R&D）经费');
  });
  it('splits a reply that lost its line breaks at numbered parts', () => {
    expect(
      splitJoinedLine(
        '具体答复如下: 一、已开展的工作 1、提升企业创新能力。积极推进。 2、推进平台建设。',
      ),
    ).toEqual([
      '具体答复如下:',
      '一、已开展的工作',
      '1、提升企业创新能力。积极推进。',
      '2、推进平台建设。',
    ]);
  });
  it('does not split spaces inside numbers', () => {
    expect(splitJoinedLine('完成项目投资20.77 亿元，列全省第3 位')).toHaveLength(1);
  });
  it('turns | rows into a GFM table and numbered short lines into headings', () => {
    const md = bodyToMarkdown([
      '一、工作情况',
      '序号 | 诉求 | 答复 |',
      '1 | 机制 | 已落实,见附件 |',
      '',
      '感谢您的支持。',
    ]);
    expect(md).toBe(
      '## 一、工作情况\n\n| 序号 | 诉求 | 答复 |\n| --- | --- | --- |\n| 1 | 机制 | 已落实，见附件 |\n\n感谢您的支持。',
    );
  });
  it('escapes what Markdown would read as syntax', () => {
    expect(escapeMarkdown('1. 第一 <b>粗</b> *星* [链接]')).toBe(
      '1\\. 第一 \\<b\\>粗\\</b\\> \\*星\\* \\[链接\\]',
    );
  });
});

describe('script, decoding, meta file', () => {
  it('tells traditional from simplified', () => {
    expect(detectScript('嘉興市高質量推動浙江省科技系統活動落實')).toBe('zh-Hant');
    expect(detectScript('嘉兴市高质量推动浙江省科技系统活动落实')).toBe('zh-Hans');
  });
  it('refuses NUL bytes, invalid UTF-8 and text without Chinese', () => {
    expect(decodeInput(new Uint8Array([0x41, 0, 0x42]))).toMatchObject({ ok: false });
    expect(decodeInput(new Uint8Array([0xd5, 0xfe]))).toMatchObject({
      ok: false,
      zh: expect.stringContaining('UTF-8'),
    });
    expect(decodeInput(new TextEncoder().encode('hello'))).toMatchObject({ ok: false });
    expect(decodeInput(new TextEncoder().encode('\uFEFF公开\r\n'))).toEqual({
      ok: true,
      text: '公开\n',
    });
  });
  it('parses a meta file and rejects unknown keys with the file named', () => {
    const meta = parseMetaFile(
      'a.txt:\n  date: 2024-01-02\n  replace:\n    - { find: x, with: y }\n',
      'm.yaml',
    );
    expect(meta.get('a.txt')).toEqual({
      replace: [{ find: 'x', with: 'y' }],
      fields: { date: '2024-01-02' },
    });
    expect(() => parseMetaFile('a.txt:\n  dat: 1\n', 'm.yaml')).toThrow(/m\.yaml.*未知字段「dat」/);
  });
  it('reports replacements that match nothing', () => {
    expect(
      applyReplacements('甲乙', [
        { find: '乙', with: '丙' },
        { find: '丁', with: '戊' },
      ]),
    ).toEqual({ text: '甲丙', unmatched: ['丁'] });
  });
});
