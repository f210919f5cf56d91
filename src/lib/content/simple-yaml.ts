/**
 * A fast reader for the plain frontmatter shape editors and the importer write: `key: value`
 * lines, nested maps, block lists (`- x`, `- key: value`), one-line `[a, b]` and `{ k: v }`, and
 * double-quoted values without escapes. Every scalar is text, as with the `yaml` failsafe schema.
 *
 * It answers only when it is sure to agree with `yaml`: anything outside that shape (comments,
 * anchors, single quotes, escapes, block scalars, tabs, odd indentation, duplicate keys…) returns
 * null and the caller parses with `yaml`, which also words the errors. Parsing 100,000 notices
 * with `yaml`'s document model was a third of `npm run check`; tests compare the two on random
 * and real frontmatter.
 */
export interface SimpleYaml {
  data: Record<string, unknown>;
  /** 0-based line in the YAML text of each key or list item, by path joined with "\u0000". */
  lines: Map<string, number>;
}

/** Characters that may carry YAML meaning anywhere in a line; their presence hands over to `yaml`. */
const UNSURE =
  /[\t\r#&*!|>%@`\\'\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u0085\u2028\u2029\ufeff]/;
const KEY_LINE = /^( *)([A-Za-z_][A-Za-z0-9_-]*):(?: +(.*?))? *$/;
const ITEM_LINE = /^( *)- +(.*?) *$/;
const PLAIN_FIRST_UNSAFE = /^[-?:,[\]{}#&*!|>'"%@`]/;
const KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;

class Unsure extends Error {}

export function parseSimpleYaml(text: string): SimpleYaml | null {
  if (UNSURE.test(text)) return null;
  const lines = text.split('\n');
  const out = new Map<string, number>();
  let i = 0;

  const skipBlank = () => {
    while (i < lines.length && lines[i]!.trim() === '') i++;
  };
  const indentOf = (line: string) => line.length - line.trimStart().length;

  function blockMap(indent: number, path: string[]): Record<string, unknown> {
    const map: Record<string, unknown> = {};
    for (skipBlank(); i < lines.length; skipBlank()) {
      const line = lines[i]!;
      const ind = indentOf(line);
      if (ind < indent) break;
      const m = KEY_LINE.exec(line);
      if (ind > indent || !m) throw new Unsure();
      const key = m[2]!;
      if (Object.hasOwn(map, key) || key === '__proto__') throw new Unsure();
      const keyPath = [...path, key];
      out.set(keyPath.join('\u0000'), i);
      i++;
      if (m[3] !== undefined && m[3] !== '') {
        map[key] = inlineValue(m[3], keyPath, i - 1);
        continue;
      }
      skipBlank();
      const next = lines[i];
      if (next === undefined) map[key] = '';
      else if (ITEM_LINE.test(next) && indentOf(next) >= indent)
        map[key] = blockList(indentOf(next), keyPath);
      else if (indentOf(next) > indent) map[key] = blockMap(indentOf(next), keyPath);
      else map[key] = '';
    }
    return map;
  }

  function blockList(indent: number, path: string[]): unknown[] {
    const list: unknown[] = [];
    for (skipBlank(); i < lines.length; skipBlank()) {
      const line = lines[i]!;
      const ind = indentOf(line);
      if (ind < indent) break;
      const m = ITEM_LINE.exec(line);
      if (!m) {
        // A key at the list's own indentation ends a list that sits under its parent's key.
        if (ind === indent && KEY_LINE.test(line)) break;
        throw new Unsure();
      }
      if (ind > indent || m[2] === '' || m[2]!.startsWith('- ')) throw new Unsure();
      const itemPath = [...path, String(list.length)];
      out.set(itemPath.join('\u0000'), i);
      if (KEY_LINE.test(' '.repeat(indent + 2) + m[2])) {
        // "- key: value": a map whose keys line up after the dash.
        const column = line.length - line.slice(indent + 1).trimStart().length;
        lines[i] = ' '.repeat(column) + line.slice(column);
        list.push(blockMap(column, itemPath));
      } else {
        list.push(inlineValue(m[2]!, itemPath, i));
        i++;
      }
    }
    return list;
  }

  function inlineValue(value: string, path: string[], line: number): unknown {
    if (value.startsWith('[')) {
      if (!value.endsWith(']')) throw new Unsure();
      const items = flowItems(value.slice(1, -1));
      items.forEach((_, k) => out.set([...path, String(k)].join('\u0000'), line));
      return items.map(flowScalar);
    }
    if (value.startsWith('{')) {
      if (!value.endsWith('}')) throw new Unsure();
      const map: Record<string, unknown> = {};
      for (const entry of flowItems(value.slice(1, -1))) {
        const colon = entry.indexOf(': ');
        const key = colon === -1 ? '' : entry.slice(0, colon).trim();
        if (!KEY.test(key) || Object.hasOwn(map, key) || key === '__proto__') throw new Unsure();
        map[key] = flowScalar(entry.slice(colon + 2).trim());
        out.set([...path, key].join('\u0000'), line);
      }
      return map;
    }
    return blockScalar(value);
  }

  try {
    const data = blockMap(0, []);
    if (i < lines.length) return null;
    return { data, lines: out };
  } catch (err) {
    if (err instanceof Unsure) return null;
    throw err;
  }
}

function quoted(value: string): string | null {
  if (!value.startsWith('"')) return null;
  const m = /^"([^"]*)"$/.exec(value);
  if (!m) throw new Unsure();
  return m[1]!;
}

function blockScalar(value: string): string {
  const q = quoted(value);
  if (q !== null) return q;
  if (
    PLAIN_FIRST_UNSAFE.test(value) ||
    value.includes(': ') ||
    value.endsWith(':') ||
    /\s{2}|\s$/.test(value)
  )
    throw new Unsure();
  return value;
}

function flowItems(inner: string): string[] {
  if (inner.trim() === '') return [];
  const items = inner.split(',').map((s) => s.trim());
  if (items.some((s) => s === '')) throw new Unsure();
  return items;
}

function flowScalar(value: string): string {
  const q = quoted(value);
  if (q !== null) return q;
  if (PLAIN_FIRST_UNSAFE.test(value) || /[:[\]{}"]/.test(value) || /\s{2}/.test(value))
    throw new Unsure();
  return value;
}
