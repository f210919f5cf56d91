import { htmlToHast, markdownToMdast, mdxToMdast } from 'satteri';
import { NOTICE_COMPONENT_PROPS } from '../model/components';
import { urlProblem } from './url-policy';
import { inCodeFence } from '../markdown/code-fences';
import type { Problem } from './problem';

/**
 * Content is untrusted: MDX is code, and raw HTML in Markdown reaches the page. The policy, checked
 * on the parsed document (satteri, Astro's own Markdown/MDX parser), so formatting tricks do not
 * hide anything:
 * - MDX: no import/export, no {expressions} other than comments, only the documented components
 *   (落款, 图, 提示, 附件) with their props as plain text, and only harmless HTML elements;
 * - MDX and Markdown: no script/iframe/object/embed/style/base/meta/form (and kin), no on…
 *   handlers, no style attributes (they would need 'unsafe-inline'), and no javascript:, vbscript:
 *   or data: (images aside) addresses in links, images or attributes.
 */

/** Elements that can run code, load another document, restyle the page or send data. */
const FORBIDDEN_ELEMENTS: Record<string, string> = {
  script: '脚本',
  iframe: '内嵌框架',
  frame: '框架',
  frameset: '框架集',
  object: '嵌入对象',
  embed: '嵌入对象',
  applet: '小程序',
  style: '样式表',
  link: '外部资源链接',
  base: '基准地址',
  meta: '元信息',
  form: '表单',
  input: '表单控件',
  button: '按钮',
  textarea: '表单控件',
  select: '表单控件',
  option: '表单控件',
  template: '模板',
  svg: '内联 SVG',
  math: '内联 MathML',
  noscript: 'noscript',
  portal: '门户',
  dialog: '对话框',
  slot: '插槽',
};

/** HTML elements content may use (lowercase names in MDX are HTML). */
const SAFE_ELEMENTS = new Set([
  'a',
  'abbr',
  'b',
  'blockquote',
  'br',
  'caption',
  'cite',
  'code',
  'col',
  'colgroup',
  'dd',
  'del',
  'details',
  'div',
  'dl',
  'dt',
  'em',
  'figcaption',
  'figure',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'i',
  'img',
  'ins',
  'kbd',
  'li',
  'mark',
  'ol',
  'p',
  'pre',
  'q',
  's',
  'small',
  'span',
  'strong',
  'sub',
  'summary',
  'sup',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'time',
  'tr',
  'u',
  'ul',
]);

/** Attributes that take an address. */
const URL_ATTRIBUTES: Record<string, 'link' | 'image'> = {
  href: 'link',
  src: 'image',
  srcset: 'image',
  action: 'link',
  formaction: 'link',
  poster: 'image',
  background: 'image',
  cite: 'link',
  data: 'link',
  'xlink:href': 'link',
  ping: 'link',
  地址: 'image',
};

interface Finding {
  line: number | null;
  message: string;
  messageEn: string;
  value: string;
}

type Node = {
  type: string;
  name?: string | null;
  tagName?: string;
  value?: unknown;
  url?: string;
  attributes?: Array<{ type: string; name?: string; value?: unknown }>;
  properties?: Record<string, unknown>;
  children?: Node[];
  position?: { start: { line: number } };
};

function checkAttribute(name: string, value: string, line: number | null, out: Finding[]): void {
  const lower = name.toLowerCase();
  if (lower.startsWith('on')) {
    out.push({
      line,
      value: `${name}="${value}"`,
      message: `不允许事件处理属性「${name}」（可执行脚本）`,
      messageEn: `event handler attribute "${name}" is not allowed`,
    });
  } else if (lower === 'style') {
    out.push({
      line,
      value: `style="${value}"`,
      message: '不允许 style 属性（内联样式违反内容安全策略）',
      messageEn: 'style attributes are not allowed (inline styles break the CSP)',
    });
  } else if (lower in URL_ATTRIBUTES || lower.endsWith('href')) {
    for (const part of lower === 'srcset'
      ? value.split(',').map((s) => s.trim().split(/\s+/)[0] ?? '')
      : [value]) {
      const problem = urlProblem(part, URL_ATTRIBUTES[lower] ?? 'link');
      if (problem)
        out.push({
          line,
          value: `${name}="${value}"`,
          message: problem,
          messageEn: `unsafe address in ${name}: ${value}`,
        });
    }
  }
}

function checkElementName(name: string, line: number | null, out: Finding[]): boolean {
  const lower = name.toLowerCase();
  if (lower in FORBIDDEN_ELEMENTS) {
    out.push({
      line,
      value: `<${name}>`,
      message: `不允许使用 <${lower}>（${FORBIDDEN_ELEMENTS[lower]}）`,
      messageEn: `<${lower}> is not allowed`,
    });
    return false;
  }
  if (!SAFE_ELEMENTS.has(lower)) {
    out.push({
      line,
      value: `<${name}>`,
      message: `不允许使用 <${name}> 元素`,
      messageEn: `element <${name}> is not allowed`,
    });
    return false;
  }
  return true;
}

/**
 * The file line of what a finding names inside a multi-line HTML block (a table pasted from Word
 * spans many lines): the first line holding its tag or attribute, from the block's first line.
 */
function lineWithin(html: string, blockLine: number | null, value: string): number | null {
  if (blockLine === null) return null;
  const needle = /^<\/?([a-z][a-z0-9-]*)/i.exec(value)?.[1] ?? /^([^=\s]+)=/.exec(value)?.[1];
  if (!needle) return blockLine;
  const at = new RegExp(
    value.startsWith('<')
      ? `<\\s*${needle}\\b`
      : `\\s${needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*=`,
    'i',
  ).exec(html)?.index;
  return at === undefined ? blockLine : blockLine + (html.slice(0, at).match(/\n/g)?.length ?? 0);
}

/** Raw HTML (Markdown's html nodes): parsed as the browser would, then the same rules. */
function checkRawHtml(html: string, line: number | null, out: Finding[]): void {
  const first = out.length;
  checkRawHtmlAt(html, line, out);
  for (const f of out.slice(first)) f.line = lineWithin(html, line, f.value);
}

function checkRawHtmlAt(html: string, line: number | null, out: Finding[]): void {
  const walk = (node: Node) => {
    if (node.type === 'element' && node.tagName) {
      checkElementName(node.tagName, line, out);
      for (const [prop, v] of Object.entries(node.properties ?? {})) {
        const attr =
          prop === 'className' ? 'class' : prop.replace(/^xLinkHref$/, 'xlink:href').toLowerCase();
        checkAttribute(
          attr,
          Array.isArray(v) ? v.join(attr === 'srcset' ? ',' : ' ') : String(v),
          line,
          out,
        );
      }
    }
    for (const c of node.children ?? []) walk(c);
  };
  // htmlToHast drops what an HTML parser drops; the raw text is also screened for tags it might
  // treat as text inside other markup.
  walk(htmlToHast(html, { fragment: true }) as unknown as Node);
  const tag = /<\s*\/?\s*([a-z][a-z0-9-]*)/gi;
  for (const m of html.matchAll(tag)) {
    const name = m[1]!.toLowerCase();
    if (name in FORBIDDEN_ELEMENTS && !out.some((f) => f.value === `<${name}>` && f.line === line))
      checkElementName(name, line, out);
  }
}

function checkComponent(
  node: Node,
  line: number | null,
  attachmentCount: number,
  out: Finding[],
): void {
  const spec = NOTICE_COMPONENT_PROPS[node.name!]!;
  const given = new Map<string, string>();
  for (const a of node.attributes ?? []) {
    if (a.type !== 'mdxJsxAttribute' || !a.name) {
      out.push({
        line,
        value: `<${node.name} {…}>`,
        message: `组件 <${node.name}> 不允许展开属性 {…}`,
        messageEn: `spread attributes are not allowed on <${node.name}>`,
      });
      continue;
    }
    if (typeof a.value !== 'string') {
      out.push({
        line,
        value: `${a.name}={…}`,
        message: `组件 <${node.name}> 的属性「${a.name}」只能写成 ${a.name}="文字"，不允许 {表达式}`,
        messageEn: `prop ${a.name} of <${node.name}> must be a plain string`,
      });
      continue;
    }
    if (![...spec.required, ...spec.optional].includes(a.name)) {
      out.push({
        line,
        value: a.name,
        message: `组件 <${node.name}> 没有属性「${a.name}」（可用：${[...spec.required, ...spec.optional].join('、')}）`,
        messageEn: `<${node.name}> has no prop "${a.name}"`,
      });
      continue;
    }
    given.set(a.name, a.value);
    checkAttribute(a.name, a.value, line, out);
  }
  for (const r of spec.required) {
    if (!given.has(r))
      out.push({
        line,
        value: `<${node.name}>`,
        message: `组件 <${node.name}> 缺少必填属性「${r}」`,
        messageEn: `<${node.name}> needs prop "${r}"`,
      });
  }
  if (!spec.children && (node.children?.length ?? 0) > 0) {
    out.push({
      line,
      value: `<${node.name}>…</${node.name}>`,
      message: `组件 <${node.name}> 不包含内容，请写成 <${node.name} … />`,
      messageEn: `<${node.name}> takes no children`,
    });
  }
  if (node.name === '附件' && given.has('序号')) {
    const n = Number(given.get('序号'));
    if (!Number.isInteger(n) || n < 1 || n > attachmentCount) {
      out.push({
        line,
        value: `序号="${given.get('序号')}"`,
        message: `<附件 序号="${given.get('序号')}"> 引用的附件不存在：本文共有 ${attachmentCount} 个附件（见文件头 attachments）`,
        messageEn: `<附件> refers to attachment ${given.get('序号')}, but the notice has ${attachmentCount}`,
      });
    }
  }
}

const COMPONENT_TAG = new RegExp(`<\\s*(${Object.keys(NOTICE_COMPONENT_PROPS).join('|')})[\\s/>]`);

/** In a .md file a component would print as text: say how to use it. */
function componentOutsideMdx(
  text: string,
  isMdx: boolean,
  line: number | null,
  out: Finding[],
): void {
  const m = isMdx ? null : COMPONENT_TAG.exec(text);
  if (m) {
    out.push({
      line,
      value: `<${m[1]}>`,
      message: `组件 <${m[1]}> 只能在 .mdx 文件中使用（请把文件扩展名改为 .mdx）`,
      messageEn: `component <${m[1]}> only works in .mdx files`,
    });
  }
}

function walkMdast(node: Node, isMdx: boolean, attachmentCount: number, out: Finding[]): void {
  const line = node.position?.start.line ?? null;
  switch (node.type) {
    case 'mdxjsEsm':
      // One block can hold several statements; name the line of each.
      String(node.value)
        .split('\n')
        .forEach((text, i) => {
          if (!/^\s*(?:import|export)\b/.test(text)) return;
          out.push({
            line: line === null ? null : line + i,
            value: text.trim(),
            message: '不允许 import/export：组件无需导入，可直接使用 <落款>、<图>、<提示>、<附件>',
            messageEn: 'import/export is not allowed; the documented components need no import',
          });
        });
      return;
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      if (!/^\s*\/\*[\s\S]*\*\/\s*$/.test(String(node.value))) {
        out.push({
          line,
          value: `{${String(node.value).slice(0, 40)}}`,
          message: '不允许 {…} 表达式（只允许 {/* 注释 */}）',
          messageEn: 'expressions are not allowed (only {/* comments */})',
        });
      }
      return;
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement':
      if (!node.name) {
        out.push({
          line,
          value: '<>',
          message: '不允许空标签 <>…</>',
          messageEn: 'fragments are not allowed',
        });
      } else if (node.name in NOTICE_COMPONENT_PROPS) {
        checkComponent(node, line, attachmentCount, out);
      } else if (
        /^[a-z]/.test(node.name)
          ? checkElementName(node.name, line, out)
          : (out.push({
              line,
              value: `<${node.name}>`,
              message: `不允许使用组件 <${node.name}>（可用：${Object.keys(NOTICE_COMPONENT_PROPS).join('、')}）`,
              messageEn: `component <${node.name}> is not on the allowlist`,
            }),
            false)
      ) {
        for (const a of node.attributes ?? []) {
          if (a.type !== 'mdxJsxAttribute' || !a.name)
            out.push({
              line,
              value: '{…}',
              message: '不允许展开属性 {…}',
              messageEn: 'spread attributes are not allowed',
            });
          else if (a.value !== null && a.value !== undefined && typeof a.value !== 'string')
            out.push({
              line,
              value: `${a.name}={…}`,
              message: `属性「${a.name}」不允许 {表达式}`,
              messageEn: `attribute ${a.name} must be a plain string`,
            });
          else checkAttribute(a.name, typeof a.value === 'string' ? a.value : '', line, out);
        }
      }
      break;
    case 'html':
      checkRawHtml(String(node.value), line, out);
      componentOutsideMdx(String(node.value), isMdx, line, out);
      break;
    case 'text':
      componentOutsideMdx(String(node.value), isMdx, line, out);
      break;
    case 'link':
    case 'definition':
    case 'image': {
      const problem = urlProblem(node.url ?? '', node.type === 'image' ? 'image' : 'link');
      if (problem)
        out.push({
          line,
          value: node.url ?? '',
          message: problem,
          messageEn: `unsafe address: ${node.url}`,
        });
      break;
    }
  }
  for (const c of node.children ?? []) walkMdast(c, isMdx, attachmentCount, out);
}

/**
 * MDX import/export lines, found by their own shape (top level, outside code fences) and blanked
 * before parsing: they are never allowed, and satteri 0.10's ESM scanner can panic — aborting the
 * process — on some of them (seen by the property tests).
 */
function takeEsmLines(source: string, out: Finding[]): string {
  const lines = source.split('\n');
  // The body starts after the frontmatter's closing ---; code fences are counted from there.
  const close =
    lines[0]?.trim() === '---' ? lines.findIndex((text, i) => i > 0 && text.trim() === '---') : -1;
  const start = lines[0]?.trim() === '---' ? (close < 0 ? lines.length : close + 1) : 0;
  const code = inCodeFence(lines.slice(start));
  lines.forEach((text, i) => {
    if (i < start) return;
    if (!code[i - start] && /^(?:import|export)\b/.test(text)) {
      out.push({
        line: i + 1,
        value: text.trim().slice(0, 80),
        message: '不允许 import/export：组件无需导入，可直接使用 <落款>、<图>、<提示>、<附件>',
        messageEn: 'import/export is not allowed; the documented components need no import',
      });
      lines[i] = '';
    }
  });
  return lines.join('\n');
}

/**
 * Everything the policy can object to needs one of these: a tag or autolink (<), an MDX expression
 * ({), a link, image or reference (](, ]:, ][), or an import/export line. Text without any of them
 * is safe without parsing — most notices, and the check stays fast on large sites.
 */
const MAY_VIOLATE = /[<{]|\]\s*[(:[]|^(?:import|export)\b/m;

/** Every policy violation in one notice's source, with the file line of each. */
export function contentPolicyProblems(
  file: string,
  source: string,
  attachmentCount: number,
): Problem[] {
  const isMdx = file.endsWith('.mdx');
  const findings: Finding[] = [];
  const body = source.replace(/^\uFEFF?---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/, '');
  if (!MAY_VIOLATE.test(body)) return [];
  try {
    const tree = (isMdx
      ? mdxToMdast(takeEsmLines(source, findings))
      : markdownToMdast(source)) as unknown as Node;
    walkMdast(tree, isMdx, attachmentCount, findings);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const line = /(\d+):\d+/.exec(message)?.[1];
    const at = line ? Number(line) : null;
    const text = at ? (source.split('\n')[at - 1] ?? '').trim() : '';
    // Braces are code in MDX: text such as {50%} is parsed as a JavaScript expression and fails.
    const brace = /parse expression|expression/i.test(message)
      ? /\{[^}]*\}?/.exec(text)?.[0]
      : undefined;
    findings.push({
      line: at,
      value: text ? text.slice(0, 120) : message.split('\n')[0]!.slice(0, 120),
      message: brace
        ? `MDX 中花括号 { } 表示代码，「${brace}」无法作为正文：要显示花括号请写成「${brace.replace('{', '\\{')}」，或把文件改为 .md（Markdown 中花括号就是普通文字）`
        : `MDX 语法错误，无法解析（常见原因：标签未闭合、{ } 不成对、< 后面紧跟文字）`,
      messageEn: `MDX syntax error: ${message.split('\n')[0]}`,
    });
  }
  return findings.map((f) => ({
    file,
    line: f.line,
    field: 'body',
    label: '正文',
    value: f.value,
    expected: '符合内容安全规定的正文（见 README「内容安全」）',
    message: f.message,
    messageEn: f.messageEn,
  }));
}
