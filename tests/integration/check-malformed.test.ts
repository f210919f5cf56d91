import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempProject, runScript, type TempProject } from '../support/project-copy';
import { lineOfKey, noticeSource } from '../helpers/notice';
import { creditCodeCheckChar } from '../../src/lib/model/check-digits';

/** A credit code whose own check digit holds but whose embedded organisation code (chars 9–17) is wrong. */
const badEmbedded = (() => {
  const body = '11330602' + '05686030' + '8'; // embedded org code's check digit should be 9
  return body + creditCodeCheckChar(body);
})();

const NPC_REPLY_WITHOUT = (key: string) =>
  '\n' +
  ['kind: 建议', 'session: 区十届人大三次会议', 'number: "36"', 'addressee: 冯观萍']
    .filter((l) => !l.startsWith(key))
    .map((l) => `  ${l}`)
    .join('\n');

/** One malformed notice per rule of the content model: file → its frontmatter overrides and the field that must be named. */
const CASES: Record<
  string,
  {
    overrides?: Record<string, string | null>;
    source?: string;
    field: string;
    says?: RegExp;
    bodyLineOf?: string;
  }
> = {
  'org-code-check-digit.md': { overrides: { indexNo: '002482091/2024-00128' }, field: 'indexNo' },
  'credit-code-check-digit.md': {
    overrides: { indexNo: '11330602056860309Q/2024-96040' },
    field: 'indexNo',
  },
  'credit-code-embedded-org-code.md': {
    overrides: { indexNo: `${badEmbedded}/2024-96040` },
    field: 'indexNo',
  },
  'code-wrong-length.md': { overrides: { indexNo: '0024820901/2024-00128' }, field: 'indexNo' },
  'index-serial-too-long.md': {
    overrides: { indexNo: '11330602056860309P/2024-1234567' },
    field: 'indexNo',
  },
  'index-year-not-4-digits.md': {
    overrides: { indexNo: '11330602056860309P/24-96040' },
    field: 'indexNo',
  },
  'index-year-vs-date.md': {
    overrides: { indexNo: '11330602056860309P/2023-96041' },
    field: 'indexNo',
  },
  'dup-a.md': { overrides: { indexNo: '11330602056860309P/2024-00500' }, field: 'indexNo' },
  'dup-b.md': { overrides: { indexNo: '11330602056860309P/2024-00500' }, field: 'indexNo' },
  'impossible-date.md': {
    overrides: { indexNo: '11330602056860309P/2024-00501', date: '2024-02-30' },
    field: 'date',
  },
  'unknown-category.md': {
    overrides: { indexNo: '11330602056860309P/2024-00502', category: '新闻中心', reply: null },
    field: 'category',
  },
  'missing-title.md': {
    overrides: { indexNo: '11330602056860309P/2024-00503', title: null },
    field: 'title',
  },
  'empty-title.md': {
    overrides: { indexNo: '11330602056860309P/2024-00504', title: '"  "' },
    field: 'title',
  },
  'missing-indexNo.md': { overrides: { indexNo: null }, field: 'indexNo' },
  'missing-category.md': {
    overrides: { indexNo: '11330602056860309P/2024-00505', category: null },
    field: 'category',
  },
  'missing-issuer.md': {
    overrides: { indexNo: '11330602056860309P/2024-00506', issuer: null },
    field: 'issuer',
  },
  'missing-date.md': {
    overrides: { indexNo: '11330602056860309P/2024-00507', date: null },
    field: 'date',
  },
  'proposal-without-reply.md': {
    overrides: { indexNo: '11330602056860309P/2024-00508', category: '政协提案', reply: null },
    field: 'reply',
  },
  'reply-kind-vs-category.md': {
    overrides: { indexNo: '11330602056860309P/2024-00509', category: '政协提案' },
    field: 'reply.kind',
  },
  'reply-missing-kind.md': {
    overrides: { indexNo: '11330602056860309P/2024-00510', reply: NPC_REPLY_WITHOUT('kind') },
    field: 'reply.kind',
  },
  'reply-missing-session.md': {
    overrides: { indexNo: '11330602056860309P/2024-00511', reply: NPC_REPLY_WITHOUT('session') },
    field: 'reply.session',
  },
  'reply-missing-number.md': {
    overrides: { indexNo: '11330602056860309P/2024-00512', reply: NPC_REPLY_WITHOUT('number') },
    field: 'reply.number',
  },
  'reply-missing-addressee.md': {
    overrides: { indexNo: '11330602056860309P/2024-00513', reply: NPC_REPLY_WITHOUT('addressee') },
    field: 'reply.addressee',
  },
  'bad-result-class.md': {
    overrides: {
      indexNo: '11330602056860309P/2024-00514',
      reply: NPC_REPLY_WITHOUT('none') + '\n  resultClass: D',
    },
    field: 'reply.resultClass',
  },
  'doc-no-square.md': {
    overrides: { indexNo: '11330602056860309P/2024-00515', docNo: '浙科提[2024]297号' },
    field: 'docNo',
  },
  'doc-no-round.md': {
    overrides: { indexNo: '11330602056860309P/2024-00516', docNo: '浙科提(2024)297号' },
    field: 'docNo',
  },
  'doc-no-lenticular.md': {
    overrides: { indexNo: '11330602056860309P/2024-00517', docNo: '浙科提【2024】297号' },
    field: 'docNo',
  },
  'unknown-disclosure.md': {
    overrides: { indexNo: '11330602056860309P/2024-00518', disclosure: '不公开' },
    field: 'disclosure',
  },
  'attachment-missing.md': {
    overrides: {
      indexNo: '11330602056860309P/2024-00519',
      attachments: '\n  - title: 答复附件\n    href: /files/does-not-exist.pdf',
    },
    field: 'attachments[0].href',
  },
  'published-at-no-offset.md': {
    overrides: { indexNo: '11330602056860309P/2024-00520', publishedAt: '2024-08-12T09:48:00' },
    field: 'publishedAt',
  },
  'unknown-lang.md': {
    overrides: { indexNo: '11330602056860309P/2024-00521', lang: 'zh-CN' },
    field: 'lang',
  },
  // Version 2 of the content model: one case per new rule.
  'issuer-not-configured.md': {
    overrides: { indexNo: '11330602056860309P/2024-00600', issuer: '区财政局' },
    field: 'issuer',
    says: /发布机构「区财政局」不在站点配置/,
  },
  'issuer-traditional.md': {
    overrides: { indexNo: '11330602056860309P/2024-00601', issuer: '區科技局' },
    field: 'issuer',
    says: /您是否要写「区科技局」/,
  },
  'index-code-of-another-issuer.md': {
    overrides: { indexNo: '002482090/2024-00602' },
    field: 'indexNo',
    says: /不是发布机构「区科技局」的代码「11330602056860309P」/,
  },
  'index-wrong-form.md': {
    overrides: { indexNo: '11330602056860309P-2024-00603' },
    field: 'indexNo',
    says: /应为「区科技局」的索引号格式「机构代码\/年份-流水号」（\{code\}\/\{year\}-\{serial\}），如 11330602056860309P\/2024-00001/,
  },
  'published-without-publishedAt.md': {
    overrides: { indexNo: '11330602056860309P/2024-00604', publishedAt: null },
    field: 'publishedAt',
    says: /不是草稿的信息会发布，必须有发布日期/,
  },
  'published-before-date.md': {
    overrides: {
      indexNo: '11330602056860309P/2024-00605',
      publishedAt: '2024-08-11T09:00:00+08:00',
    },
    field: 'publishedAt',
    says: /早于发文日期 2024-08-12/,
  },
  'doc-no-order-form.md': {
    overrides: { indexNo: '11330602056860309P/2024-00606', docNo: '国务院令711号' },
    field: 'docNo',
    says: /国务院令第711号/,
  },
  'doc-no-announcement-form.md': {
    overrides: { indexNo: '11330602056860309P/2024-00607', docNo: '国家税务总局公告2023年1号' },
    field: 'docNo',
    says: /公告YYYY年第N号/,
  },
  'placeholder-title.md': {
    overrides: { indexNo: '11330602056860309P/2024-00608', title: '（待填写）' },
    field: 'title',
    says: /占位文字/,
  },
  'placeholder-body.md': {
    source: noticeSource(
      { indexNo: '11330602056860309P/2024-00609' },
      '冯观萍代表：\n\n（在此撰写正文）\n',
    ),
    field: 'body',
    says: /仍是待填写的占位文字「（在此撰写正文）」/,
    bodyLineOf: '（在此撰写正文）',
  },
  'image-without-alt.md': {
    source: noticeSource(
      { indexNo: '11330602056860309P/2024-00610' },
      '冯观萍代表：\n\n![](/files/chengguo-zhuanhua-tu.svg)\n',
    ),
    field: 'body',
    says: /缺少替代文字/,
    bodyLineOf: '![](',
  },
  'image-wrong-case.md': {
    source: noticeSource(
      { indexNo: '11330602056860309P/2024-00611' },
      '冯观萍代表：\n\n![柱状图](/files/Chengguo-Zhuanhua-Tu.svg)\n',
    ),
    field: 'body',
    says: /不存在；存在的文件是 public\/files\/chengguo-zhuanhua-tu\.svg/,
    bodyLineOf: '![柱状图]',
  },
  'image-backslashes.md': {
    source: noticeSource(
      { indexNo: '11330602056860309P/2024-00612' },
      '冯观萍代表：\n\n![柱状图](\\files\\chengguo-zhuanhua-tu.svg)\n',
    ),
    field: 'body',
    says: /存在的文件是 public\/files\/chengguo-zhuanhua-tu\.svg/,
    bodyLineOf: '![柱状图]',
  },
  'image-path-with-space.md': {
    source: noticeSource(
      { indexNo: '11330602056860309P/2024-00613' },
      '冯观萍代表：\n\n![柱状图](/files/chengguo zhuanhua-tu.svg)\n',
    ),
    field: 'body',
    says: /中有空格/,
    bodyLineOf: '![柱状图]',
  },
  'figure-file-missing.mdx': {
    source: noticeSource(
      { indexNo: '11330602056860309P/2024-00614' },
      '冯观萍代表：\n\n<图 地址="/files/no-such-chart.svg" 说明="柱状图" />\n',
    ),
    field: 'body',
    says: /图片文件 public\/files\/no-such-chart\.svg 不存在/,
    bodyLineOf: '<图',
  },
  'attachment-empty.md': {
    overrides: {
      indexNo: '11330602056860309P/2024-00615',
      attachments: '\n  - title: 空附件\n    href: /files/empty.pdf',
    },
    field: 'attachments[0].href',
    says: /是空文件（0 字节）/,
  },
  'cosigners-without-joint.md': {
    overrides: {
      indexNo: '11330602056860309P/2024-00616',
      reply: NPC_REPLY_WITHOUT('none') + '\n  coSigners: [李红]',
    },
    field: 'reply.coSigners',
    says: /只有联名提出/,
  },
  'joint-without-cosigners.md': {
    overrides: {
      indexNo: '11330602056860309P/2024-00617',
      reply: NPC_REPLY_WITHOUT('none') + '\n  proposerType: 联名',
    },
    field: 'reply.coSigners',
    says: /应列出联名人/,
  },
  'unknown-proposer-type.md': {
    overrides: {
      indexNo: '11330602056860309P/2024-00618',
      reply: NPC_REPLY_WITHOUT('none') + '\n  proposerType: 多人',
    },
    field: 'reply.proposerType',
  },
  'unknown-role.md': {
    overrides: {
      indexNo: '11330602056860309P/2024-00619',
      reply: NPC_REPLY_WITHOUT('none') + '\n  role: 牵头',
    },
    field: 'reply.role',
  },
  'policy-without-doc-type.md': {
    overrides: { indexNo: '11330602056860309P/2024-00620', category: '政策文件', reply: null },
    field: 'docType',
    says: /须填写文件类型 docType/,
  },
  'unknown-doc-type.md': {
    overrides: {
      indexNo: '11330602056860309P/2024-00621',
      category: '政策文件',
      reply: null,
      docType: '红头文件',
    },
    field: 'docType',
    says: /不在站点配置的文件类型中/,
  },
  'rule-without-validity.md': {
    overrides: {
      indexNo: '11330602056860309P/2024-00622',
      category: '政策文件',
      reply: null,
      docType: '规章',
    },
    field: 'validity',
    says: /规章必须填写有效性/,
  },
  'effective-before-date.md': {
    overrides: {
      indexNo: '11330602056860309P/2024-00623',
      category: '政策文件',
      reply: null,
      docType: '其他文件',
      effectiveFrom: '2024-08-01',
    },
    field: 'effectiveFrom',
    says: /施行日期 2024-08-01 早于发文日期/,
  },
  'expires-before-effective.md': {
    overrides: {
      indexNo: '11330602056860309P/2024-00624',
      category: '政策文件',
      reply: null,
      docType: '其他文件',
      effectiveFrom: '2024-09-01',
      expiresOn: '2024-09-01',
    },
    field: 'expiresOn',
    says: /有效期至 2024-09-01 应晚于施行日期 2024-09-01/,
  },
  'repealed-without-date.md': {
    overrides: {
      indexNo: '11330602056860309P/2024-00625',
      category: '政策文件',
      reply: null,
      docType: '规章',
      validity: '废止',
    },
    field: 'repealedOn',
    says: /必须填写废止日期/,
  },
  'repealed-date-without-repeal.md': {
    overrides: {
      indexNo: '11330602056860309P/2024-00626',
      category: '政策文件',
      reply: null,
      docType: '规章',
      validity: '有效',
      repealedOn: '2024-10-01',
    },
    field: 'repealedOn',
    says: /填写了废止日期，但有效性是「有效」/,
  },
  'replaces-unknown.md': {
    overrides: {
      indexNo: '11330602056860309P/2024-00627',
      category: '政策文件',
      reply: null,
      docType: '其他文件',
      replaces: '[11330602056860309P/2024-99999]',
    },
    field: 'replaces[0]',
    says: /本站没有索引号为「11330602056860309P\/2024-99999」的信息/,
  },
  'replaces-still-valid.md': {
    overrides: {
      indexNo: '11330602056860309P/2024-00628',
      category: '政策文件',
      reply: null,
      docType: '其他文件',
      replaces: '[11330602056860309P/2024-00629]',
    },
    field: 'replaces[0]',
    says: /有效性仍是「有效」/,
  },
  'interprets-missing.md': {
    overrides: { indexNo: '11330602056860309P/2024-00630', category: '政策解读', reply: null },
    field: 'interprets',
    says: /必须用 interprets 列出/,
  },
  'interprets-not-a-policy.md': {
    overrides: {
      indexNo: '11330602056860309P/2024-00631',
      category: '政策解读',
      reply: null,
      interprets: '[11330602056860309P/2024-96040]',
    },
    field: 'interprets[0]',
    says: /不是政策文件/,
  },
  'spam-in-body.md': {
    source: noticeSource(
      { indexNo: '11330602056860309P/2024-00523' },
      '冯观萍代表：\n\n近年来，188体育_188体育平台@:认真贯彻落实。\n',
    ),
    field: 'body',
  },
  'broken-yaml.md': {
    source:
      '---\ntitle: 对区十届人大三次会议第36号建议的答复\nindexNo: [11330602056860309P/2024-00522\ncategory: 人大代表建议\n---\n\n正文\n',
    field: 'frontmatter',
  },
};

/** Valid notices the cases point at: a policy document still 有效, and the 人大 reply of the helper. */
const REFERRED: Record<string, string> = {
  'ok/policy-in-force.md': noticeSource({
    indexNo: '11330602056860309P/2024-00629',
    category: '政策文件',
    reply: null,
    docType: '规章',
    validity: '有效',
  }),
  'ok/reply.md': noticeSource(),
};

type JsonProblem = {
  file: string;
  line: number | null;
  field: string;
  label: string;
  value: string | null;
  expected: string;
  message: string;
};

describe('npm run check over a folder of malformed notices', () => {
  let project: TempProject;
  let json: { status: number; problems: JsonProblem[] };
  let text: { status: number; out: string };
  const sources: Record<string, string> = {};

  beforeAll(() => {
    for (const [name, c] of Object.entries(CASES))
      sources[name] = c.source ?? noticeSource(c.overrides);
    project = createTempProject({
      notices: {
        ...Object.fromEntries(Object.entries(sources).map(([n, s]) => [`bad/${n}`, s])),
        ...REFERRED,
      },
    });
    // The default categories include 政策解读; an empty attachment file.
    project.write('public/files/empty.pdf', '');
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

  it.each(Object.keys(CASES))(
    'names %s with the right field, Chinese label and message',
    (name) => {
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
      if (name === 'spam-in-body.md')
        expect(p.line).toBe(sources[name]!.split('\n').findIndex((l) => l.includes('188体育')) + 1);
      const c = CASES[name]!;
      if (c.says)
        expect(
          mine.some((q) => q.field === c.field && c.says!.test(q.message)),
          JSON.stringify(mine),
        ).toBe(true);
      if (c.bodyLineOf)
        expect(mine.find((q) => c.says!.test(q.message))!.line).toBe(
          sources[name]!.split('\n').findIndex((l) => l.includes(c.bodyLineOf!)) + 1,
        );
      if (name === 'broken-yaml.md')
        expect([p.line, p.message]).toEqual([4, expect.stringContaining('方括号 [ 没有闭合')]);
      else if (keyLine !== null && !CASES[name]!.field.includes('.')) expect(p.line).toBe(keyLine);
      // A nested key (reply.role) is named at its own line when it is written.
      const leaf = CASES[name]!.field.split('.').at(-1)!;
      const leafLine = sources[name]!.split('\n').findIndex((l) => l.startsWith(`  ${leaf}:`)) + 1;
      if (CASES[name]!.field.includes('.') && leafLine > 0) expect(p.line).toBe(leafLine);
    },
  );

  it('reports nothing for a file that breaks no rule, and every file once in the text report', () => {
    const named = new Set(json.problems.map((p) => p.file));
    expect(named.size).toBe(Object.keys(CASES).length);
    for (const ok of Object.keys(REFERRED))
      expect(named.has(`src/content/notices/${ok}`)).toBe(false);
    for (const name of Object.keys(CASES))
      expect(text.out).toContain(`src/content/notices/bad/${name}`);
    expect(text.out).toMatch(/检查未通过/);
  });

  it('prints Chinese first, then English, with the value found and the form expected', () => {
    const block = text.out.split('\n\n').find((b) => b.includes('impossible-date.md'))!;
    expect(block).toMatch(
      /date（发文日期）[\s\S]*错误：[\s\S]*发现："2024-02-30"[\s\S]*应为：[\s\S]*Error: /,
    );
    expect(block.indexOf('错误')).toBeLessThan(block.indexOf('Error'));
  });

  it('names the other file in a duplicate 索引号', () => {
    const dup = json.problems.find((p) => p.file.endsWith('dup-a.md') && p.field === 'indexNo')!;
    expect(dup.message).toContain('dup-b.md');
  });
});
