import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseSimpleYaml } from '../../src/lib/content/simple-yaml';
import { parseNotice, readYaml } from '../../src/lib/content/frontmatter';
import { listNoticeFiles } from '../../src/lib/content/project';
import { generateCorpus } from '../../src/lib/corpus/generate';

/** Every path of a parsed value, plus a missing child under each, for comparing lineOf. */
function paths(value: unknown, prefix: PropertyKey[] = []): PropertyKey[][] {
  const out: PropertyKey[][] = [[...prefix, 'missing']];
  if (Array.isArray(value))
    value.forEach((v, i) => out.push([...prefix, i], ...paths(v, [...prefix, i])));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value))
      out.push([...prefix, k], ...paths(v, [...prefix, k]));
  return out;
}

/** The fast reader either declines or agrees with `yaml` on the data and on every line. */
function expectAgreement(yamlText: string): boolean {
  const fast = parseSimpleYaml(yamlText);
  if (!fast) return false;
  const slow = readYaml(yamlText, 2);
  expect(slow.errors).toEqual([]);
  expect(fast.data).toEqual(slow.data);
  const viaNotice = parseNotice(`---\n${yamlText}\n---\n正文\n`);
  for (const p of paths(slow.data)) expect([p, viaNotice.lineOf(p)]).toEqual([p, slow.lineOf(p)]);
  return true;
}

describe('fast frontmatter reader', () => {
  it('agrees with yaml on every sample notice and on generated ones, and reads them itself', () => {
    const root = join(import.meta.dirname, '../..');
    const sources = [
      ...listNoticeFiles(root).map((f) => readFileSync(join(root, f), 'utf8')),
      ...generateCorpus({ count: 300, seed: 5, mdxShare: 0.1 }).map((n) => n.content),
    ];
    let engaged = 0;
    for (const source of sources) {
      const yamlText = source.split(/^---\s*$/m)[1]!.replace(/^\n/, '');
      if (expectAgreement(yamlText)) engaged++;
    }
    // Generated notices are all in the plain shape; the fast path must really be taken.
    expect(engaged).toBeGreaterThanOrEqual(300);
  });

  it('declines what it does not fully understand', () => {
    for (const text of [
      'title: a # comment',
      "title: 'single'",
      'title: "esc\\n"',
      'title: &a x',
      'title: |\n  block',
      'title: a\n  continued',
      'title: a\ntitle: b',
      '- a',
      'a: b: c',
      'a: [x, [y]]',
      'a: { k: v, k: w }',
      'a:\tb',
      '  title: indented',
      'a: "x", y',
      '__proto__: x',
      'a: -',
      'a: x\n\tb: y',
      'a:\n  - - x',
    ]) {
      expect([text, parseSimpleYaml(text)]).toEqual([text, null]);
    }
  });

  it('agrees with yaml or declines, on random frontmatter-shaped text (2,000 cases)', () => {
    const key = fc.constantFrom(
      'title',
      'reply',
      'kind',
      'a',
      'b_c',
      'x-y',
      'attachments',
      'href',
      '中文',
      '1a',
    );
    const scalar = fc.oneof(
      fc.constantFrom(
        '',
        'x',
        '标题 带空格',
        '2024-02-30',
        '036',
        '"quoted"',
        '"a, b"',
        '[a, b]',
        '[]',
        '{ k: v }',
        '{}',
        '[a, "b c"]',
        '{ name: 张三, phone: "0575" }',
        '-1',
        '?x',
        'a:b',
        'a: b',
        ':x',
        '~',
        'null',
        '[',
        '{',
        '"',
        'x  y',
        '　全角',
        '值：中文冒号',
        'a,b',
        '{ k: v',
        '[a, ]',
      ),
      fc.string({ maxLength: 8 }),
    );
    const line = fc
      .tuple(
        fc.constantFrom(0, 0, 0, 2, 2, 4, 1, 3),
        fc.constantFrom('key', 'key', 'item', 'itemkey', 'blank', 'raw'),
        key,
        scalar,
      )
      .map(([indent, kind, k, v]) => {
        const pad = ' '.repeat(indent);
        if (kind === 'key') return `${pad}${k}:${v === '' ? '' : ` ${v}`}`;
        if (kind === 'item') return `${pad}- ${v}`;
        if (kind === 'itemkey') return `${pad}- ${k}: ${v}`;
        if (kind === 'blank') return '';
        return `${pad}${v}`;
      });
    // Well-formed documents (nested maps, lists of scalars and of maps), then one line mutated.
    const leaf = fc.oneof(
      {
        weight: 3,
        arbitrary: fc.constantFrom(
          'x',
          '标题 带空格',
          '2024-02-30',
          '036',
          '"quoted"',
          '[a, b]',
          '[]',
          '{ k: v }',
          '{ name: 张三, phone: "0575" }',
          '　全角',
          '值：中文冒号',
        ),
      },
      { weight: 1, arbitrary: scalar.filter((v) => v !== '') },
    );
    const doc = fc.letrec<{ map: string[] }>((tie) => ({
      map: fc
        .uniqueArray(
          fc.tuple(
            fc.constantFrom('title', 'reply', 'kind', 'a', 'b_c', 'x-y', 'attachments', 'href'),
            fc.oneof(
              { depthSize: 'small' },
              leaf.map((v) => ({ leaf: v })),
              tie('map').map((m) => ({ map: m })),
              fc
                .array(
                  fc.oneof(
                    leaf.map((v) => ({ leaf: v })),
                    tie('map').map((m) => ({ map: m })),
                  ),
                  { minLength: 1, maxLength: 3 },
                )
                .map((l) => ({ list: l })),
            ),
          ),
          { minLength: 1, maxLength: 4, selector: (e) => e[0] },
        )
        .map((entries) => entries.flatMap(([k, v]) => render(k, v as Node))),
    })).map;
    type Node = { leaf: string } | { map: string[] } | { list: Node[] };
    const indent = (lines: string[], n: number) => lines.map((l) => (l ? ' '.repeat(n) + l : l));
    function render(k: string, v: Node): string[] {
      if ('leaf' in v) return [`${k}: ${v.leaf}`];
      if ('map' in v) return [`${k}:`, ...indent(v.map, 2)];
      return [
        `${k}:`,
        ...v.list.flatMap((item) => {
          const lines = 'leaf' in item ? [item.leaf] : 'map' in item ? item.map : ['x'];
          return [`  - ${lines[0]}`, ...indent(lines.slice(1), 4)];
        }),
      ];
    }
    let engaged = 0;
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(line, { minLength: 1, maxLength: 10 }),
          { weight: 2, arbitrary: doc },
          fc
            .tuple(doc, fc.nat(), line)
            .map(([d, at, l]) => d.map((x, i) => (i === at % d.length ? l : x))),
        ),
        (lines) => {
          if (expectAgreement(lines.join('\n'))) engaged++;
        },
      ),
      { seed: 20261124, numRuns: 2000 },
    );
    // The generator must exercise the fast path, not only its refusals.
    expect(engaged).toBeGreaterThan(200);
  });
});
