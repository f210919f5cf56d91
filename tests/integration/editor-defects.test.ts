import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTempProject, runScript, type TempProject } from '../support/project-copy';
import { noticeSource } from '../helpers/notice';

type JsonProblem = {
  file: string;
  line: number | null;
  field: string;
  label: string;
  value: string | null;
  expected: string;
  message: string;
  severity: 'error' | 'warning';
};

/** GBK bytes of 通知公告, as Notepad's "ANSI" saves it on a Chinese system. */
const GBK_TONGZHI = Buffer.from([0xcd, 0xa8, 0xd6, 0xaa, 0xb9, 0xab, 0xb8, 0xe6]);
const TRADITIONAL_BODY =
  '嘉興市高質量推動浙江省科技系統“改革重塑年、大抓落實年、能力提升年”活動落實，堅持以產業定位科技、以科技引領產業，積極推動創新資源全域匯聚。\n';

describe('what editors hit, through npm run check', () => {
  let project: TempProject;
  let json: JsonProblem[];
  let status: number;
  const sources: Record<string, string> = {};
  const at = (file: string) => json.filter((p) => p.file === `src/content/notices/${file}`);

  beforeAll(() => {
    const n = (serial: number, o: Record<string, string | null> = {}, body?: string) =>
      noticeSource(
        { indexNo: `11330602056860309P/2024-${String(serial).padStart(5, '0')}`, ...o },
        body,
      );
    project = createTempProject({
      notices: Object.assign(sources, {
        'ok.md': n(700),
        'names/a.MD': n(701),
        'names/b.markdown': n(702),
        'names/c.md.txt': n(703),
        'names/d.MDX': n(704),
        'script/traditional.md': n(705, {}, TRADITIONAL_BODY),
        'script/traditional-marked.md': n(706, { lang: 'zh-Hant' }, TRADITIONAL_BODY),
        // 4. Mistakes whose message must name the mistake.
        'typing/fullwidth-colon.md': n(710).replace('title: ', 'title：'),
        'typing/value-colon.md': n(711, { summary: '宣讲会: 欢迎参加' }),
        'typing/fullwidth-indent.md': n(712).replace('  session:', '\u3000\u3000session:'),
        'typing/fullwidth-slash.md': n(713).replace(
          '11330602056860309P/2024',
          '11330602056860309P／2024',
        ),
        'typing/chinese-key.md': n(714).replace('title:', '标题:'),
        'typing/spaced-key.md': n(715).replace('indexNo:', 'index No:'),
        'typing/braces.mdx': n(716, {}, '冯观萍代表：\n\n完成率{50%}，现答复如下。\n'),
        // 7. Pasted tables.
        'tables/excel.md': n(
          730,
          {},
          '冯观萍代表：\n\n办理情况如下：\n\n序号\t诉求\t答复\n1\t机制建设\t予以支持\n2\t项目申报\t优先推荐\n\n以上。\n',
        ),
        'tables/word.md': n(
          731,
          {},
          '冯观萍代表：\n\n<table class=MsoNormalTable border=1>\n <tr>\n  <td width=100>序号</td>\n  <td style="width:50pt">内容</td>\n </tr>\n</table>\n',
        ),
        // 5. Every problem at once.
        'all/empty-title-and-missing-file.md': n(720, {
          attachments: '\n  - title: ""\n    href: /files/none.pdf',
        }),
        'all/dup-a.md': n(721),
        'all/dup-b.md': n(721, { date: '2022-05-01', publishedAt: '2022-05-02T09:00:00+08:00' }),
        'all/dup-padded.md': noticeSource({ indexNo: '11330602056860309P/2024-721' }),
      }),
    });
    writeFileSync(
      join(project.root, 'src/content/notices/encoding-utf16.md'),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(n(707), 'utf16le')]),
    );
    // A whole file in GBK: its only non-ASCII text, 通知公告, in GBK bytes.
    writeFileSync(
      join(project.root, 'src/content/notices/encoding-gbk.md'),
      Buffer.concat([
        Buffer.from('---\ntitle: Test\nindexNo: 11330602056860309P/2024-00708\ncategory: '),
        GBK_TONGZHI,
        Buffer.from('\nissuer: X\ndate: 2024-08-12\n---\n\nText.\n'),
      ]),
    );
    const r = runScript('check', ['--root', project.root, '--format', 'json']);
    status = r.status;
    json = JSON.parse(r.stdout) as JsonProblem[];
  });
  afterAll(() => project.remove());

  it('2. a file that is not UTF-8 is named as such, with its encoding, once', () => {
    expect(at('encoding-utf16.md').map((p) => [p.field, p.value, p.message])).toEqual([
      [
        'encoding',
        'UTF-16LE',
        expect.stringMatching(/^文件不是 UTF-8 编码（看起来是 UTF-16LE），请用编辑器另存为 UTF-8/),
      ],
    ]);
    expect(at('encoding-gbk.md').map((p) => [p.field, p.value])).toEqual([
      ['encoding', 'GBK/GB18030'],
    ]);
    expect(status).toBe(1);
  });

  it('3. files the build would skip for their name are named, with the name they should have (a warning)', () => {
    const byFile = Object.fromEntries(
      json.filter((p) => p.field === 'file').map((p) => [p.file, [p.expected, p.severity]]),
    );
    expect(byFile).toEqual({
      'src/content/notices/names/a.MD': ['a.md', 'warning'],
      'src/content/notices/names/b.markdown': ['b.md', 'warning'],
      'src/content/notices/names/c.md.txt': ['c.md', 'warning'],
      'src/content/notices/names/d.MDX': ['d.mdx', 'warning'],
    });
  });

  it('9. a traditional-character notice without lang: zh-Hant is warned about; with it, nothing', () => {
    expect(at('script/traditional.md').map((p) => [p.field, p.severity, p.expected])).toEqual([
      ['lang', 'warning', 'zh-Hant'],
    ]);
    expect(at('script/traditional-marked.md')).toEqual([]);
    expect(at('ok.md')).toEqual([]);
  });

  it.each([
    [
      'typing/fullwidth-colon.md',
      'frontmatter',
      2,
      /「title」后面用了全角冒号「：」，字段名后应为半角冒号加空格「: 」/,
      'title：对区十届人大三次会议第36号建议的答复',
    ],
    [
      'typing/value-colon.md',
      'frontmatter',
      9,
      /值中有「: 」（冒号加空格）[\s\S]*请给整个值加引号：summary: "宣讲会: 欢迎参加"/,
      'summary: 宣讲会: 欢迎参加',
    ],
    [
      'typing/fullwidth-indent.md',
      'frontmatter',
      10,
      /缩进用了全角空格（U\+3000）/,
      '\u3000\u3000session: 区十届人大三次会议',
    ],
    [
      'typing/fullwidth-slash.md',
      'indexNo',
      3,
      /索引号中有全角字符「／」，应为半角「\/」/,
      '11330602056860309P／2024-00713',
    ],
    [
      'typing/chinese-key.md',
      '标题',
      2,
      /字段名须用英文：「标题」应写作 title（标题）/,
      '对区十届人大三次会议第36号建议的答复',
    ],
    [
      'typing/spaced-key.md',
      'index No',
      3,
      /您是否要写 indexNo（索引号）？/,
      '11330602056860309P/2024-00715',
    ],
    [
      'typing/braces.mdx',
      'body',
      11,
      /MDX 中花括号 \{ \} 表示代码，「\{50%\}」无法作为正文：要显示花括号请写成「\\\{50%\}」，或把文件改为 \.md/,
      '完成率{50%}，现答复如下。',
    ],
  ])(
    '4. %s: the message names the mistake, at its line, with the line as found',
    (file, field, _line, message, value) => {
      const mine = at(file);
      const line = sources[file]!.split('\n').findIndex((l) => l.includes(String(value))) + 1;
      expect(mine.map((p) => [p.field, p.line, p.value])).toEqual([[field, line, value]]);
      expect(mine[0]!.message).toMatch(message);
    },
  );

  it('7. a table pasted from Excel is found at its lines, with the pipe table to use; a Word table is named at the offending line', () => {
    const excel = at('tables/excel.md');
    const first = sources['tables/excel.md']!.split('\n').indexOf('序号\t诉求\t答复') + 1;
    expect(excel.map((p) => [p.field, p.line])).toEqual([['body', first]]);
    expect(excel[0]!.message).toMatch(
      new RegExp(`^第 ${first}–${first + 2} 行像是从 Excel 粘贴的表格`),
    );
    expect(excel[0]!.expected).toBe(
      '| 序号 | 诉求 | 答复 |\n| --- | --- | --- |\n| 1 | 机制建设 | 予以支持 |\n| 2 | 项目申报 | 优先推荐 |',
    );
    const word = at('tables/word.md');
    expect(word.map((p) => [p.line, p.value])).toEqual([
      [
        sources['tables/word.md']!.split('\n').findIndex((l) => l.includes('style=')) + 1,
        'style="width:50pt"',
      ],
    ]);
  });

  it('5. every problem at once: an empty attachment title and its missing file; a duplicate 索引号 beside a year mismatch', () => {
    expect(
      at('all/empty-title-and-missing-file.md')
        .map((p) => p.field)
        .sort(),
    ).toEqual(['attachments[0].href', 'attachments[0].title']);
    expect(at('all/dup-b.md').map((p) => p.field)).toEqual(['indexNo', 'indexNo']);
    expect(
      at('all/dup-b.md')
        .map((p) => p.message)
        .join('\n'),
    ).toMatch(/年份[\s\S]*重复|重复[\s\S]*年份/);
    expect(at('all/dup-a.md').map((p) => p.message)).toEqual([
      expect.stringMatching(
        /重复：src\/content\/notices\/all\/dup-b\.md、src\/content\/notices\/all\/dup-padded\.md 也使用了它（「11330602056860309P\/2024-721」只是流水号补零不同，是同一个号）/,
      ),
    ]);
  });

  it('warnings alone pass the check, and are printed', () => {
    const p2 = createTempProject({
      notices: { 'a.md': noticeSource({}, TRADITIONAL_BODY), 'b.md.txt': noticeSource() },
    });
    const r = runScript('check', ['--root', p2.root]);
    p2.remove();
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(
      /警告：正文是繁体字[\s\S]*警告：文件「b\.md\.txt」不会发布[\s\S]*2 处警告/,
    );
  });
});
