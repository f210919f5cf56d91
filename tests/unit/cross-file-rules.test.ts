import { describe, expect, it } from 'vitest';
import { checkAcrossNotices } from '../../src/lib/content/cross-file-rules';
import { checkNoticeSource } from '../../src/lib/content/validate-notice';
import { createNoticeSchema } from '../../src/lib/model/notice-schema';
import { DEFAULT_CATEGORIES } from '../../src/lib/model/site-config';
import { noticeSource } from '../helpers/notice';
import type { PublicFiles } from '../../src/lib/content/public-files';

/** public/ as a set of files (path → size). */
const filesOf = (sizes: Record<string, number>, seen: string[] = []): PublicFiles => ({
  size: (p) => (seen.push(p), sizes[p] ?? null),
  suggest: (p) =>
    Object.keys(sizes).find(
      (f) => f.toLowerCase() === p.replace(/\\/g, '/').replace(/^\//, '').toLowerCase(),
    ),
});

const categories = DEFAULT_CATEGORIES.map((c) => c.name);
const schema = createNoticeSchema(categories);
const notice = (file: string, o: Record<string, string | null> = {}) =>
  checkNoticeSource(noticeSource(o), file, schema, categories);

describe('rules across notices', () => {
  it('flags every holder of a duplicate 索引号, naming the others', () => {
    const problems = checkAcrossNotices(
      [notice('a.md'), notice('b.md'), notice('c.md', { indexNo: '11330602056860309P/2024-1' })],
      filesOf({}),
      categories,
    );
    expect(problems.map((p) => [p.file, p.field, p.line])).toEqual([
      ['a.md', 'indexNo', 3],
      ['b.md', 'indexNo', 3],
    ]);
    expect(problems[0]!.message).toContain('b.md');
  });

  it('flags local attachments missing from public/, not remote ones', () => {
    const n = notice('a.md', {
      attachments:
        '\n  - { title: 有, href: /files/yes.pdf }\n  - { title: 无, href: /files/no.pdf }\n  - { title: 外部, href: "https://example.gov.cn/x.pdf" }',
    });
    const seen: string[] = [];
    const problems = checkAcrossNotices([n], filesOf({ 'files/yes.pdf': 10 }, seen), categories);
    expect(seen).toEqual(['files/yes.pdf', 'files/no.pdf']);
    expect(problems.map((p) => [p.field, p.value, p.line])).toEqual([
      ['attachments[1].href', '/files/no.pdf', 15],
    ]);
  });
});
