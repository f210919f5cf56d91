import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkNoticeFile } from '../../src/lib/content/project';
import { createNoticeSchema } from '../../src/lib/model/notice-schema';
import { noticeModel } from '../../src/lib/model/notice-model';
import { DEFAULT_CATEGORIES } from '../../src/lib/model/site-config';
import { importPage, type ImportContext } from '../../src/lib/legacy/import-page';
import { noticeSource, VALID_FIELDS } from '../helpers/notice';

/**
 * Property-based tests: random and mutated frontmatter, YAML and MDX thrown at the check, and
 * random text at the importer. Never a crash or a stack trace; every problem is Chinese and names
 * the file. Case counts are fixed so runs are comparable (and reported in the issue note).
 */
const categories = DEFAULT_CATEGORIES.map((c) => c.name);
const schema = createNoticeSchema(categories);
const HAN = /\p{Script=Han}/u;
const RUNS = { frontmatter: 1500, yaml: 1000, mdx: 1000, importer: 1000 };

function assertWellReported(file: string, source: string): void {
  let result: ReturnType<typeof checkNoticeFile>;
  try {
    result = checkNoticeFile(file, source, schema, categories);
  } catch (err) {
    throw new Error(`check crashed on:\n${source}\n${(err as Error).stack}`);
  }
  for (const p of result.problems) {
    expect(p.file).toBe(file);
    expect(p.message).toMatch(HAN);
    expect(p.label).toMatch(HAN);
    expect(p.message).not.toMatch(/\n\s+at |TypeError|ReferenceError|undefined|\[object Object\]/);
  }
}

/** YAML-ish scalars and fragments an editor (or an attacker) might type. */
const scalar = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '',
    '""',
    "''",
    'null',
    '~',
    'true',
    'yes',
    '0x1F',
    '1e9',
    '2024-02-30',
    '2024-08-12',
    '[',
    '{',
    '}',
    ']',
    '&a',
    '*a',
    '!!binary x',
    '|',
    '>',
    '- x',
    ': x',
    '#',
    '"unterminated',
    '11330602056860309P/2024-96040',
    '浙科提[2024]297号',
    '人大代表建议',
    '<script>alert(1)</script>',
  ),
  fc.integer().map(String),
);

describe('property: the check never crashes and always explains in Chinese', () => {
  it(`random values in every frontmatter field (${RUNS.frontmatter} cases)`, () => {
    const keys = [
      ...Object.keys(VALID_FIELDS),
      'docNo',
      'lang',
      'draft',
      'disclosure',
      'attachments',
      'contact',
      'keywords',
      'summary',
      'legacy',
      'unknownKey',
    ];
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom(...keys), fc.option(scalar, { nil: null })),
        (overrides) => {
          assertWellReported('src/content/notices/fuzz.md', noticeSource(overrides));
        },
      ),
      { numRuns: RUNS.frontmatter, seed: 20240812 },
    );
  });

  it(`arbitrary frontmatter text, i.e. broken YAML (${RUNS.yaml} cases)`, () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.string({ maxLength: 200 }), (yaml, body) => {
        assertWellReported('src/content/notices/fuzz.md', `---\n${yaml}\n---\n${body}`);
        assertWellReported('src/content/notices/fuzz.md', yaml + body);
      }),
      { numRuns: RUNS.yaml, seed: 7 },
    );
  });

  it(`mutated and random MDX bodies (${RUNS.mdx} cases)`, () => {
    const piece = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.constantFrom(
        '<',
        '>',
        '{',
        '}',
        '</',
        '/>',
        '<提示>',
        '</提示>',
        '<落款 机构="x" />',
        '<附件 序号="9" />',
        'import a from "b"',
        'export default 1',
        '{/* c */}',
        '<script>',
        '<a href="javascript:x">',
        '[x](vbscript:y)',
        '<img onerror=alert(1) src=x>',
        '\n\n',
        '```',
        '| a | b |\n| - | - |',
        '&#106;',
      ),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        assertWellReported('src/content/notices/fuzz.mdx', noticeSource({}, pieces.join('')));
      }),
      { numRuns: RUNS.mdx, seed: 11 },
    );
  });
});

describe('property: the importer never crashes', () => {
  const ctx: ImportContext = {
    schema,
    model: noticeModel(categories),
    taken: new Map(),
    publicFiles: { size: () => null, suggest: () => undefined },
  };
  it(`random bytes and random scraped-looking text (${RUNS.importer} cases)`, () => {
    const line = fc.oneof(
      fc.string({ maxLength: 60 }),
      fc.constantFrom(
        '首页',
        '>政务公开>建议提案',
        '索引号: 002482090/2024-00128 组配分类: 人大代表建议',
        '发布机构: | 省科技厅 |',
        '对区十届人大三次会议第36号建议的答复',
        '冯观萍代表:',
        '序号 | 具体诉求 | 答复内容 |',
        '|||||',
        '联系人:金  晶    联系电话:88718631',
        '发布日期: 2024- 08- 12 09: 48 浏览次数:',
        '系統(tǒng)',
        '188体育_188体育平台@:',
        '猜你喜欢',
        '免責聲明:x',
      ),
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 200 }),
          fc.array(line, { maxLength: 30 }).map((ls) => new TextEncoder().encode(ls.join('\n'))),
        ),
        (bytes) => {
          const outcome = importPage(bytes, 'fuzz.txt', undefined, ctx);
          if (!outcome.ok) {
            expect(outcome.problems.length).toBeGreaterThan(0);
            for (const p of outcome.problems) expect(p).toMatch(HAN);
          }
        },
      ),
      { numRuns: RUNS.importer, seed: 13 },
    );
  });
});

describe('regressions found by the property tests', () => {
  it('a YAML alias without its anchor is a Chinese YAML error, not a crash', () => {
    const r = checkNoticeFile('a.md', noticeSource({ title: '*a' }), schema, categories);
    expect(r.problems.map((p) => p.message).join()).toMatch(/锚点/);
  });
  it('an export line that makes satteri 0.10 panic is reported, never parsed', () => {
    const body = 'export default 1.wrMoE"&g.<Q^><>OyYna<6V{p\\\n\n<提示>x</提示>';
    const r = checkNoticeFile('a.mdx', noticeSource({}, body), schema, categories);
    expect(r.problems.some((p) => /import\/export/.test(p.message))).toBe(true);
  });
});
