import { parseSimpleYaml } from './simple-yaml';
import {
  LineCounter,
  parseDocument,
  isMap,
  isScalar,
  isPair,
  type Document,
  type Node,
} from 'yaml';

/**
 * Splits a notice into frontmatter and body, and parses the frontmatter once, from the raw text,
 * keeping where each key stands so problems can name their line.
 */

export interface YamlError {
  line: number | null;
  message: string;
}

export interface ParsedNotice {
  /** The frontmatter as plain data (every scalar a string), or null when it could not be parsed. */
  data: unknown;
  body: string;
  /** 1-based line in the file where the body starts. */
  bodyLine: number;
  errors: YamlError[];
  /** The 1-based file line of the key at `path` (or of its nearest existing parent), null if unknown. */
  lineOf(path: ReadonlyArray<PropertyKey>): number | null;
}

const OPEN = /^\uFEFF?---[ \t]*\r?\n/;
const CLOSE = /^---[ \t]*$/m;

export function parseNotice(source: string): ParsedNotice {
  const open = OPEN.exec(source);
  if (!open) {
    return {
      data: null,
      body: source,
      bodyLine: 1,
      errors: [{ line: 1, message: '文件没有以 --- 开头的文件头（frontmatter）' }],
      lineOf: () => null,
    };
  }
  const rest = source.slice(open[0].length);
  const close = CLOSE.exec(rest);
  if (!close) {
    return {
      data: null,
      body: '',
      bodyLine: 1,
      errors: [{ line: 1, message: '文件头（frontmatter）没有以 --- 结束' }],
      lineOf: () => null,
    };
  }
  const yamlText = rest.slice(0, close.index);
  const afterClose = rest.slice(close.index + close[0].length).replace(/^\r?\n/, '');
  // The YAML text starts on file line 2 (after the opening ---).
  const yamlStartLine = 2;
  // yamlText ends with the newline before the closing ---, so its newline count is its line count.
  const bodyLine = yamlStartLine + (yamlText.match(/\n/g)?.length ?? 0) + 1;

  const simple = parseSimpleYaml(yamlText);
  const read = simple
    ? {
        data: simple.data,
        errors: [],
        lineOf: (path: ReadonlyArray<PropertyKey>) => simpleLine(simple.lines, path, yamlStartLine),
      }
    : readYaml(yamlText, yamlStartLine);
  return { ...read, body: afterClose, bodyLine };
}

/**
 * The frontmatter read with `yaml` (failsafe schema: every scalar stays text), its errors worded
 * in Chinese with their file lines. parseNotice takes the fast reader (simple-yaml.ts) first.
 */
export function readYaml(
  yamlText: string,
  yamlStartLine: number,
): Pick<ParsedNotice, 'data' | 'errors' | 'lineOf'> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, {
    schema: 'failsafe',
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
  });
  const fileLine = (offset: number) => lineCounter.linePos(offset).line + yamlStartLine - 1;

  // Mistakes of typing Chinese text into YAML are named for what they are; the parser's own errors
  // about them (often several, lines apart) would only confuse.
  const typed = doc.errors.length ? typingMistakes(yamlText, yamlStartLine) : [];
  const errors: YamlError[] = typed.length
    ? typed
    : [...doc.errors, ...doc.warnings].map((e) => ({
        line: e.pos ? fileLine(e.pos[0]) : null,
        message: translateYamlError(e.code, e.message),
      }));
  let data: unknown = null;
  if (!errors.length) {
    try {
      // Aliases (*a) without their anchor, or alias bombs, only fail when resolved.
      data = doc.toJS({ maxAliasCount: 100 });
    } catch (err) {
      errors.push({
        line: yamlStartLine,
        message: `文件头 YAML 语法错误：${/alias/i.test(String(err)) ? '引用了未定义或过多的锚点（* 开头的值请加引号）' : '无法读取'}（${(err as Error).message.split('\n')[0]}）`,
      });
    }
  }
  if (data !== null && (typeof data !== 'object' || Array.isArray(data))) {
    errors.push({ line: yamlStartLine, message: '文件头应由「字段: 值」组成' });
  }

  return {
    data: errors.length ? null : (data ?? {}),
    errors,
    lineOf: (path) => keyLine(doc, path, fileLine),
  };
}

/** lineOf for the fast reader: the deepest key of the path that exists, as keyLine does. */
function simpleLine(
  lines: Map<string, number>,
  path: ReadonlyArray<PropertyKey>,
  yamlStartLine: number,
): number | null {
  let line: number | null = null;
  for (let k = 1; k <= path.length; k++) {
    const at = lines.get(path.slice(0, k).map(String).join('\u0000'));
    if (at === undefined) break;
    line = at + yamlStartLine;
  }
  return line;
}

function keyLine(
  doc: Document,
  path: ReadonlyArray<PropertyKey>,
  fileLine: (offset: number) => number,
): number | null {
  let node: Node | null | undefined = doc.contents as Node | null;
  let line: number | null = null;
  for (const seg of path) {
    if (!node) break;
    if (isMap(node)) {
      const pair = node.items.find(
        (p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg),
      );
      if (!pair) break;
      const key = pair.key as Node;
      if (key.range) line = fileLine(key.range[0]);
      node = pair.value as Node | null;
    } else if (
      'items' in node &&
      Array.isArray((node as { items: unknown[] }).items) &&
      typeof seg === 'number'
    ) {
      const item: Node | undefined = (node as { items: Node[] }).items[seg];
      if (item?.range) line = fileLine(item.range[0]);
      node = item;
    } else break;
  }
  return line;
}

const KEY = '[A-Za-z_][A-Za-z0-9_-]*|\\p{Script=Han}+';
const FULL_WIDTH_COLON = new RegExp(`^\\s*-?\\s*(${KEY})\\s*：`, 'u');
const PLAIN_VALUE_WITH_COLON = new RegExp(
  `^(\\s*-?\\s*(?:${KEY}):[ \\t]+)([^\\s"'\\[{|>&*!%@\`#][^#]*?: .*)$`,
  'u',
);
const ODD_SPACE: Record<string, string> = {
  '\u3000': '全角空格（U+3000）',
  '\u00a0': '不换行空格（U+00A0）',
  '\u2003': '全角空格（U+2003）',
  '\t': 'Tab',
};

/**
 * What Chinese typing does to YAML, found line by line: a key followed by a full-width colon, an
 * indent made of full-width spaces, a plain value that itself holds ": " (YAML reads a second key).
 */
export function typingMistakes(yamlText: string, yamlStartLine: number): YamlError[] {
  const out: YamlError[] = [];
  yamlText.split('\n').forEach((text, i) => {
    const line = yamlStartLine + i;
    const indent = /^[\s\u3000]*/u.exec(text)![0];
    const odd = [...indent].find((ch) => ch in ODD_SPACE);
    if (odd) {
      out.push({
        line,
        message: `第 ${line} 行的缩进用了${ODD_SPACE[odd]}，看不见但 YAML 不认，请删掉后用半角空格缩进`,
      });
      return;
    }
    const colon = FULL_WIDTH_COLON.exec(text);
    if (colon) {
      out.push({
        line,
        message: `第 ${line} 行「${colon[1]}」后面用了全角冒号「：」，字段名后应为半角冒号加空格「: 」（如 ${colon[1]}: 值）`,
      });
      return;
    }
    const value = PLAIN_VALUE_WITH_COLON.exec(text);
    if (value) {
      out.push({
        line,
        message: `第 ${line} 行的值中有「: 」（冒号加空格），YAML 会把它当成另一个字段；请给整个值加引号：${value[1]}"${value[2]!.replace(/"/g, '\\"').trimEnd()}"`,
      });
    }
  });
  return out;
}

const YAML_ERRORS: Record<string, string> = {
  DUPLICATE_KEY: '字段重复出现',
  BAD_INDENT: '缩进不对',
  MISSING_CHAR: '缺少字符（如引号、括号未闭合）',
  MULTILINE_IMPLICIT_KEY: '字段名不能跨行（是否缺少冒号后的空格或引号未闭合？）',
  UNEXPECTED_TOKEN: '出现了意外的符号',
  BLOCK_AS_IMPLICIT_KEY: '缩进或冒号位置不对',
  TAB_AS_INDENT: '不能用 Tab 缩进，请用空格',
  BAD_SCALAR_START: '值的开头不合法（如以 @ 或 ` 开头，请加引号）',
};

/** Specific causes hidden behind generic codes, recognised from the parser's own words. */
const YAML_CAUSES: Array<[RegExp, string]> = [
  [/end with a \]/, '方括号 [ 没有闭合（缺少 ]）'],
  [/end with a \}/, '花括号 { 没有闭合（缺少 }）'],
  [/Missing closing "?quote|Missing closing ['"]/i, '引号没有闭合'],
  [/Implicit map keys need to be followed by map values/, '字段名后缺少冒号'],
];

function translateYamlError(code: string, message: string): string {
  const zh =
    YAML_CAUSES.find(([re]) => re.test(message))?.[1] ?? YAML_ERRORS[code] ?? 'YAML 语法错误';
  return `文件头 YAML 语法错误：${zh}（${message.split('\n')[0]}）`;
}
