import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTempProject, runScript, type TempProject } from '../../scripts/lib/project-copy';
import { noticeSource } from '../helpers/notice';

type JsonProblem = { file: string; line: number | null; field: string; label: string; value: string | null; expected: string; message: string; severity: 'error' | 'warning' };

/** GBK bytes of 通知公告, as Notepad's "ANSI" saves it on a Chinese system. */
const GBK_TONGZHI = Buffer.from([0xcd, 0xa8, 0xd6, 0xaa, 0xb9, 0xab, 0xb8, 0xe6]);
const TRADITIONAL_BODY = '嘉興市高質量推動浙江省科技系統“改革重塑年、大抓落實年、能力提升年”活動落實，堅持以產業定位科技、以科技引領產業，積極推動創新資源全域匯聚。\n';

describe('what editors hit, through npm run check', () => {
  let project: TempProject;
  let json: JsonProblem[];
  let status: number;
  const at = (file: string) => json.filter((p) => p.file === `src/content/notices/${file}`);

  beforeAll(() => {
    const n = (serial: number, o: Record<string, string | null> = {}, body?: string) => noticeSource({ indexNo: `11330602056860309P/2024-${String(serial).padStart(5, '0')}`, ...o }, body);
    project = createTempProject({
      notices: {
        'ok.md': n(700),
        'names/a.MD': n(701),
        'names/b.markdown': n(702),
        'names/c.md.txt': n(703),
        'names/d.MDX': n(704),
        'script/traditional.md': n(705, {}, TRADITIONAL_BODY),
        'script/traditional-marked.md': n(706, { lang: 'zh-Hant' }, TRADITIONAL_BODY),
      },
    });
    writeFileSync(join(project.root, 'src/content/notices/encoding-utf16.md'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(n(707), 'utf16le')]));
    // A whole file in GBK: its only non-ASCII text, 通知公告, in GBK bytes.
    writeFileSync(
      join(project.root, 'src/content/notices/encoding-gbk.md'),
      Buffer.concat([Buffer.from('---\ntitle: Test\nindexNo: 11330602056860309P/2024-00708\ncategory: '), GBK_TONGZHI, Buffer.from('\nissuer: X\ndate: 2024-08-12\n---\n\nText.\n')]),
    );
    const r = runScript('check', ['--root', project.root, '--format', 'json']);
    status = r.status;
    json = JSON.parse(r.stdout) as JsonProblem[];
  });
  afterAll(() => project.remove());

  it('2. a file that is not UTF-8 is named as such, with its encoding, once', () => {
    expect(at('encoding-utf16.md').map((p) => [p.field, p.value, p.message])).toEqual([['encoding', 'UTF-16LE', expect.stringMatching(/^文件不是 UTF-8 编码（看起来是 UTF-16LE），请用编辑器另存为 UTF-8/)]]);
    expect(at('encoding-gbk.md').map((p) => [p.field, p.value])).toEqual([['encoding', 'GBK/GB18030']]);
    expect(status).toBe(1);
  });

  it('3. files the build would skip for their name are named, with the name they should have (a warning)', () => {
    const byFile = Object.fromEntries(json.filter((p) => p.field === 'file').map((p) => [p.file, [p.expected, p.severity]]));
    expect(byFile).toEqual({
      'src/content/notices/names/a.MD': ['a.md', 'warning'],
      'src/content/notices/names/b.markdown': ['b.md', 'warning'],
      'src/content/notices/names/c.md.txt': ['c.md', 'warning'],
      'src/content/notices/names/d.MDX': ['d.mdx', 'warning'],
    });
  });

  it('9. a traditional-character notice without lang: zh-Hant is warned about; with it, nothing', () => {
    expect(at('script/traditional.md').map((p) => [p.field, p.severity, p.expected])).toEqual([['lang', 'warning', 'zh-Hant']]);
    expect(at('script/traditional-marked.md')).toEqual([]);
    expect(at('ok.md')).toEqual([]);
  });

  it('warnings alone pass the check, and are printed', () => {
    const p2 = createTempProject({ notices: { 'a.md': noticeSource({}, TRADITIONAL_BODY), 'b.md.txt': noticeSource() } });
    const r = runScript('check', ['--root', p2.root]);
    p2.remove();
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/警告：正文是繁体字[\s\S]*警告：文件「b\.md\.txt」不会发布[\s\S]*2 处警告/);
  });
});
