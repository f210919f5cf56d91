import { describe, expect, it } from 'vitest';
import { parseNotice } from '../../src/lib/content/frontmatter';

describe('frontmatter parsing', () => {
  const src =
    '---\ntitle: 标题\ndate: 2024-02-30\nreply:\n  kind: 建议\n  number: 036\nattachments:\n  - title: a\n    href: /a.pdf\n---\n\n正文第一段\n';

  it('keeps every scalar as text, dates and leading zeros included', () => {
    const p = parseNotice(src);
    expect(p.errors).toEqual([]);
    expect(p.data).toMatchObject({ date: '2024-02-30', reply: { number: '036' } });
  });

  it('names the file line of a key, nested keys and list items included', () => {
    const p = parseNotice(src);
    expect(p.lineOf(['title'])).toBe(2);
    expect(p.lineOf(['date'])).toBe(3);
    expect(p.lineOf(['reply', 'number'])).toBe(6);
    expect(p.lineOf(['attachments', 0, 'href'])).toBe(9);
    // A missing key points at its nearest parent.
    expect(p.lineOf(['reply', 'session'])).toBe(4);
    expect(p.lineOf(['missing'])).toBeNull();
  });

  it('returns the body and the line it starts on', () => {
    const p = parseNotice(src);
    expect(p.body.trim()).toBe('正文第一段');
    expect(p.bodyLine).toBe(11);
  });

  it('reports YAML errors with their line instead of throwing', () => {
    const p = parseNotice('---\ntitle: a\ntitle: b\ndate: "2024\n---\n');
    expect(p.data).toBeNull();
    expect(p.errors.map((e) => e.line)).toEqual([3, 5]);
    expect(p.errors[0]!.message).toMatch(/字段重复出现/);
    expect(p.errors[1]!.message).toMatch(/引号没有闭合/);
  });

  it('reports a missing or unterminated frontmatter', () => {
    expect(parseNotice('正文').errors[0]!.message).toMatch(/没有以 --- 开头/);
    expect(parseNotice('---\ntitle: a\n').errors[0]!.message).toMatch(/没有以 --- 结束/);
  });

  it('accepts a BOM and CRLF line ends', () => {
    const p = parseNotice('\uFEFF---\r\ntitle: 标题\r\n---\r\n正文\r\n');
    expect(p.data).toEqual({ title: '标题' });
  });

  it('rejects frontmatter that is not a mapping', () => {
    expect(parseNotice('---\n- a\n- b\n---\n').errors[0]!.message).toMatch(/字段: 值/);
  });
});
