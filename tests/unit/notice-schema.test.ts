import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createNoticeSchema, relationFailures } from '../../src/lib/model/notice-schema';
import { DEFAULT_CATEGORIES } from '../../src/lib/model/site-config';
import { noticeSource } from '../helpers/notice';

const categories = DEFAULT_CATEGORIES.map((c) => c.name);
const schema = createNoticeSchema(categories);

/** Frontmatter of a helper notice as the failsafe parser yields it. */
function data(overrides: Record<string, string | null> = {}): unknown {
  const src = noticeSource(overrides);
  return parse(src.split('---\n')[1]!, { schema: 'failsafe' });
}
const fieldsOf = (input: unknown) => {
  const r = schema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
};

describe('notice schema', () => {
  it('accepts the content model example and fills defaults', () => {
    const r = schema.parse(data());
    expect(r.disclosure).toBe('主动公开');
    expect(r.scope).toBe('面向全社会');
    expect(r.source).toBe('区科技局');
    expect(r.lang).toBe('zh-Hans');
    expect(r.draft).toBe(false);
    expect(r.publishedAt).toBe('2024-08-12T09:48:00+08:00');
    expect(r.reply).toMatchObject({ proposerType: '个人', role: '主办' });
    expect(r.reply).toMatchObject({ kind: '建议', number: '36', addressee: '冯观萍' });
  });

  it('keeps unquoted numbers as text (failsafe YAML)', () => {
    const r = schema.parse(data({ contact: '{ phone: 057187055403 }' }));
    expect(r.contact?.phone).toBe('057187055403');
  });

  it.each([
    [{ title: '""' }, 'title'],
    [{ indexNo: '002482091/2024-00128' }, 'indexNo'],
    [{ category: '新闻' }, 'category'],
    [{ issuer: null }, 'issuer'],
    [{ date: '2024-02-30' }, 'date'],
    [{ publishedAt: '2024-08-12 09:48' }, 'publishedAt'],
    [{ disclosure: '内部' }, 'disclosure'],
    [{ docNo: '浙科提[2024]297号' }, 'docNo'],
    [{ keywords: '[这是一个远远超过二十个字的非常非常长的关键词用来测试长度限制]' }, 'keywords.0'],
    [{ lang: 'en' }, 'lang'],
    [{ draft: 'maybe' }, 'draft'],
    [{ attachments: '[{ title: a, href: "javascript:alert(1)" }]' }, 'attachments.0.href'],
    [
      { reply: '{ kind: 建议, session: s, number: "1", addressee: a, resultClass: D }' },
      'reply.resultClass',
    ],
    [{ sumary: 'typo' }, ''],
  ])('rejects %j at %s', (overrides, path) => {
    expect(fieldsOf(data(overrides))).toContain(path);
  });

  it('treats an empty optional value as absent', () => {
    expect(schema.parse(data({ docNo: '' })).docNo).toBeUndefined();
  });

  it('accepts draft: true and reads it as a boolean', () => {
    expect(schema.parse(data({ draft: 'true' })).draft).toBe(true);
  });
});

describe('rules between fields', () => {
  const raw = (o: Record<string, string | null>) => data(o) as Record<string, unknown>;
  it('索引号 year must equal the year of 发文日期', () => {
    const f = relationFailures(raw({ indexNo: '11330602056860309P/2023-96040' }), categories);
    expect(f[0]?.path).toEqual(['indexNo']);
    expect(f[0]?.failure.expected).toBe('11330602056860309P/2024-96040');
  });
  it('a reply category needs a reply', () => {
    expect(
      relationFailures(raw({ category: '政协提案', reply: null }), categories).map((f) => f.path),
    ).toEqual([['reply']]);
  });
  it('reply.kind must agree with the category', () => {
    const f = relationFailures(raw({ category: '政协提案' }), categories);
    expect(f.map((x) => x.path)).toEqual([['reply', 'kind']]);
    expect(f[0]?.failure.expected).toBe('提案');
  });
  it('a reply on a category that takes none is flagged', () => {
    expect(relationFailures(raw({ category: '通知公告' }), categories).map((x) => x.path)).toEqual([
      ['reply', 'kind'],
    ]);
  });
  it('runs even when other fields are broken, so every problem shows at once', () => {
    const f = relationFailures(raw({ title: '""', category: '政协提案' }), categories);
    expect(f.map((x) => x.path)).toEqual([['reply', 'kind']]);
  });
  it('compares nothing when a compared field is itself invalid', () => {
    // The 索引号's own fault (its check digit) is named; its year is not compared with an impossible date.
    const f = relationFailures(
      raw({ indexNo: '002482091/2023-1', date: '2024-02-30' }),
      categories,
    );
    expect(f.map((x) => [x.path, x.failure.zh])).toEqual([
      [['indexNo'], expect.stringContaining('校验位错误')],
    ]);
  });
});

describe('result classes from the site’s scheme', () => {
  const site = (resultClasses: Array<{ code: string; label: string }>) =>
    createNoticeSchema({
      categories: DEFAULT_CATEGORIES.map((c) => ({ name: c.name, kind: c.kind })),
      resultClasses,
    });
  const reply = (cls: string) =>
    data({ reply: `{ kind: 建议, session: s, number: "1", addressee: a, resultClass: ${cls} }` });
  it('甲/乙/丙: 甲 passes, A is refused naming the scheme', () => {
    const s = site([
      { code: '甲', label: '已解决' },
      { code: '乙', label: '正在解决' },
      { code: '丙', label: '留作参考' },
    ]);
    expect(s.safeParse(reply('甲')).success).toBe(true);
    const r = s.safeParse(reply('A'));
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.path).toEqual(['reply', 'resultClass']);
    expect((r.error!.issues[0] as { params?: { expected?: string } }).params?.expected).toBe(
      '甲（已解决）、乙（正在解决）、丙（留作参考）',
    );
  });
  it('A–D: D passes; the default A/B/C scheme refuses it', () => {
    const s = site(['A', 'B', 'C', 'D'].map((code) => ({ code, label: code })));
    expect(s.safeParse(reply('D')).success).toBe(true);
    expect(schema.safeParse(reply('D')).success).toBe(false);
  });
});
