import { describe, expect, it } from 'vitest';
import { encodingProblem } from '../../src/lib/text/encoding';
import { checkNoticeBytes } from '../../src/lib/content/project';
import { createNoticeSchema } from '../../src/lib/model/notice-schema';
import { DEFAULT_CATEGORIES } from '../../src/lib/model/site-config';
import { noticeSource } from '../helpers/notice';

const categories = DEFAULT_CATEGORIES.map((c) => c.name);
const schema = createNoticeSchema(categories);
const source = noticeSource();
/** GBK bytes of 通知公告 (what 记事本 "ANSI" writes on a Chinese system). */
const GBK_TONGZHI = [0xcd, 0xa8, 0xd6, 0xaa, 0xb9, 0xab, 0xb8, 0xe6];

function utf16(text: string, bigEndian: boolean, bom: boolean): Buffer {
  const le = Buffer.from(text, 'utf16le');
  const body = bigEndian ? Buffer.from(le.map((_, i) => le[i % 2 ? i - 1 : i + 1]!)) : le;
  return Buffer.concat([
    bom ? Buffer.from(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]) : Buffer.alloc(0),
    body,
  ]);
}

describe('a notice file that is not UTF-8', () => {
  it.each([
    ['UTF-16LE with BOM', utf16(source, false, true), 'UTF-16LE'],
    ['UTF-16BE with BOM', utf16(source, true, true), 'UTF-16BE'],
    ['UTF-16LE without BOM', utf16(source, false, false), 'UTF-16LE'],
    [
      'GBK',
      Buffer.concat([
        Buffer.from('---\ntitle: t\ncategory: '),
        Buffer.from(GBK_TONGZHI),
        Buffer.from('\n---\n'),
      ]),
      'GBK/GB18030',
    ],
  ])('%s is named, with how to fix it, as the file’s one problem', (_, bytes, encoding) => {
    expect(encodingProblem(bytes)?.encoding).toBe(encoding);
    const { problems } = checkNoticeBytes('a.md', bytes, schema, categories);
    expect(problems.map((p) => [p.field, p.label, p.value])).toEqual([
      ['encoding', '文件编码', encoding],
    ]);
    expect(problems[0]!.message).toBe(
      `文件不是 UTF-8 编码（看起来是 ${encoding}），请用编辑器另存为 UTF-8（记事本：另存为 → 编码选“UTF-8”）`,
    );
  });
  it('UTF-8 (with or without BOM) passes through to the content model', () => {
    expect(encodingProblem(Buffer.from(source))).toBeNull();
    expect(
      checkNoticeBytes('a.md', Buffer.from('\uFEFF' + source), schema, categories).problems,
    ).toEqual([]);
  });
  it('bytes that are neither are still said to be not UTF-8', () => {
    expect(
      encodingProblem(Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0xfe, 0xfd, 0x80, 0x81]))?.zh,
    ).toMatch(/^文件不是 UTF-8 编码，请/);
  });
});
