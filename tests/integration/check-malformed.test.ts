import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempProject, runScript, type TempProject } from '../../scripts/lib/project-copy';
import { lineOfKey, noticeSource } from '../helpers/notice';
import { creditCodeCheckChar } from '../../src/lib/model/check-digits';

/** A credit code whose own check digit holds but whose embedded organisation code (chars 9–17) is wrong. */
const badEmbedded = (() => {
  const body = '11330602' + '05686030' + '8'; // embedded org code's check digit should be 9
  return body + creditCodeCheckChar(body);
})();

const NPC_REPLY_WITHOUT = (key: string) =>
  '\n' + ['kind: 建议', 'session: 区十届人大三次会议', 'number: "36"', 'addressee: 冯观萍'].filter((l) => !l.startsWith(key)).map((l) => `  ${l}`).join('\n');

/** One malformed notice per rule of the content model: file → its frontmatter overrides and the field that must be named. */
const CASES: Record<string, { overrides?: Record<string, string | null>; source?: string; field: string }> = {
  'org-code-check-digit.md': { overrides: { indexNo: '002482091/2024-00128' }, field: 'indexNo' },
  'credit-code-check-digit.md': { overrides: { indexNo: '11330602056860309Q/2024-96040' }, field: 'indexNo' },
  'credit-code-embedded-org-code.md': { overrides: { indexNo: `${badEmbedded}/2024-96040` }, field: 'indexNo' },
  'code-wrong-length.md': { overrides: { indexNo: '0024820901/2024-00128' }, field: 'indexNo' },
  'index-serial-too-long.md': { overrides: { indexNo: '11330602056860309P/2024-1234567' }, field: 'indexNo' },
  'index-year-not-4-digits.md': { overrides: { indexNo: '11330602056860309P/24-96040' }, field: 'indexNo' },
  'index-year-vs-date.md': { overrides: { indexNo: '11330602056860309P/2023-96041' }, field: 'indexNo' },
  'dup-a.md': { overrides: { indexNo: '11330602056860309P/2024-00500' }, field: 'indexNo' },
  'dup-b.md': { overrides: { indexNo: '11330602056860309P/2024-00500' }, field: 'indexNo' },
  'impossible-date.md': { overrides: { indexNo: '11330602056860309P/2024-00501', date: '2024-02-30' }, field: 'date' },
  'unknown-category.md': { overrides: { indexNo: '11330602056860309P/2024-00502', category: '新闻中心', reply: null }, field: 'category' },
  'missing-title.md': { overrides: { indexNo: '11330602056860309P/2024-00503', title: null }, field: 'title' },
  'empty-title.md': { overrides: { indexNo: '11330602056860309P/2024-00504', title: '"  "' }, field: 'title' },
  'missing-indexNo.md': { overrides: { indexNo: null }, field: 'indexNo' },
  'missing-category.md': { overrides: { indexNo: '11330602056860309P/2024-00505', category: null }, field: 'category' },
  'missing-issuer.md': { overrides: { indexNo: '11330602056860309P/2024-00506', issuer: null }, field: 'issuer' },
  'missing-date.md': { overrides: { indexNo: '11330602056860309P/2024-00507', date: null }, field: 'date' },
  'proposal-without-reply.md': { overrides: { indexNo: '11330602056860309P/2024-00508', category: '政协提案', reply: null }, field: 'reply' },
  'reply-kind-vs-category.md': { overrides: { indexNo: '11330602056860309P/2024-00509', category: '政协提案' }, field: 'reply.kind' },
  'reply-missing-kind.md': { overrides: { indexNo: '11330602056860309P/2024-00510', reply: NPC_REPLY_WITHOUT('kind') }, field: 'reply.kind' },
  'reply-missing-session.md': { overrides: { indexNo: '11330602056860309P/2024-00511', reply: NPC_REPLY_WITHOUT('session') }, field: 'reply.session' },
  'reply-missing-number.md': { overrides: { indexNo: '11330602056860309P/2024-00512', reply: NPC_REPLY_WITHOUT('number') }, field: 'reply.number' },
  'reply-missing-addressee.md': { overrides: { indexNo: '11330602056860309P/2024-00513', reply: NPC_REPLY_WITHOUT('addressee') }, field: 'reply.addressee' },
  'bad-result-class.md': {
    overrides: { indexNo: '11330602056860309P/2024-00514', reply: NPC_REPLY_WITHOUT('none') + '\n  resultClass: D' },
    field: 'reply.resultClass',
  },
  'doc-no-square.md': { overrides: { indexNo: '11330602056860309P/2024-00515', docNo: '浙科提[2024]297号' }, field: 'docNo' },
  'doc-no-round.md': { overrides: { indexNo: '11330602056860309P/2024-00516', docNo: '浙科提(2024)297号' }, field: 'docNo' },
  'doc-no-lenticular.md': { overrides: { indexNo: '11330602056860309P/2024-00517', docNo: '浙科提【2024】297号' }, field: 'docNo' },
  'unknown-disclosure.md': { overrides: { indexNo: '11330602056860309P/2024-00518', disclosure: '不公开' }, field: 'disclosure' },
  'attachment-missing.md': {
    overrides: { indexNo: '11330602056860309P/2024-00519', attachments: '\n  - title: 答复附件\n    href: /files/does-not-exist.pdf' },
    field: 'attachments[0].href',
  },
  'published-at-no-offset.md': { overrides: { indexNo: '11330602056860309P/2024-00520', publishedAt: '2024-08-12T09:48:00' }, field: 'publishedAt' },
  'unknown-lang.md': { overrides: { indexNo: '11330602056860309P/2024-00521', lang: 'zh-CN' }, field: 'lang' },
  'spam-in-body.md': {
    source: noticeSource({ indexNo: '11330602056860309P/2024-00523' }, '冯观萍代表：\n\n近年来，188体育_188体育平台@:认真贯彻落实。\n'),
    field: 'body',
  },
  'broken-yaml.md': {
    source: '---\ntitle: 对区十届人大三次会议第36号建议的答复\nindexNo: [11330602056860309P/2024-00522\ncategory: 人大代表建议\n---\n\n正文\n',
    field: 'frontmatter',
  },
};

type JsonProblem = { file: string; line: number | null; field: string; label: string; value: string | null; expected: string; message: string };

describe('npm run check over a folder of malformed notices', () => {
  let project: TempProject;
  let json: { status: number; problems: JsonProblem[] };
  let text: { status: number; out: string };
  const sources: Record<string, string> = {};

  beforeAll(() => {
    for (const [name, c] of Object.entries(CASES)) sources[name] = c.source ?? noticeSource(c.overrides);
    project = createTempProject({ notices: Object.fromEntries(Object.entries(sources).map(([n, s]) => [`bad/${n}`, s])) });
    const r = runScript('check', ['--root', project.root, '--format', 'json']);
    json = { status: r.status, problems: JSON.parse(r.stdout) as JsonProblem[] };
    const t = runScript('check', ['--root', project.root]);
    text = { status: t.status, out: t.stderr };
  });
  afterAll(() => project.remove());

  it('exits 1', () => {
    expect(json.status).toBe(1);
    expect(text.status).toBe(1);
  });

  it.each(Object.keys(CASES))('names %s with the right field, Chinese label and message', (name) => {
    const file = `src/content/notices/bad/${name}`;
    const mine = json.problems.filter((p) => p.file === file);
    expect(mine.map((p) => p.field)).toContain(CASES[name]!.field);
    const p = mine.find((q) => q.field === CASES[name]!.field)!;
    expect(p.label).toMatch(/\p{Script=Han}/u);
    expect(p.message).toMatch(/\p{Script=Han}/u);
    expect(p.expected).not.toBe('');
    // The line of the offending key, where the key is there to point at.
    const topKey = CASES[name]!.field.split(/[.[]/)[0]!;
    const keyLine = lineOfKey(sources[name]!, topKey);
    // The parser notices the unclosed [ of line 3 where the next line starts.
    if (name === 'spam-in-body.md') expect(p.line).toBe(sources[name]!.split('\n').findIndex((l) => l.includes('188体育')) + 1);
    if (name === 'broken-yaml.md') expect([p.line, p.message]).toEqual([4, expect.stringContaining('方括号 [ 没有闭合')]);
    else if (keyLine !== null && !CASES[name]!.field.includes('.')) expect(p.line).toBe(keyLine);
  });

  it('reports nothing for a file that breaks no rule, and every file once in the text report', () => {
    const named = new Set(json.problems.map((p) => p.file));
    expect(named.size).toBe(Object.keys(CASES).length);
    for (const name of Object.keys(CASES)) expect(text.out).toContain(`src/content/notices/bad/${name}`);
    expect(text.out).toMatch(/检查未通过/);
  });

  it('prints Chinese first, then English, with the value found and the form expected', () => {
    const block = text.out.split('\n\n').find((b) => b.includes('impossible-date.md'))!;
    expect(block).toMatch(/date（发文日期）[\s\S]*错误：[\s\S]*发现："2024-02-30"[\s\S]*应为：[\s\S]*Error: /);
    expect(block.indexOf('错误')).toBeLessThan(block.indexOf('Error'));
  });

  it('names the other file in a duplicate 索引号', () => {
    const dup = json.problems.find((p) => p.file.endsWith('dup-a.md') && p.field === 'indexNo')!;
    expect(dup.message).toContain('dup-b.md');
  });
});
