import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { parse } from 'yaml';
import {
  createTempProject,
  PROJECT_ROOT,
  runScript,
  type TempProject,
} from '../support/project-copy';
import { hashTree } from '../helpers/tree-hash';

const SEEDS = join(PROJECT_ROOT, 'tests/fixtures/seeds');
const META = join(PROJECT_ROOT, 'scripts/seeds.meta.yaml');
const seedNames = readdirSync(SEEDS)
  .filter((f) => f.endsWith('.txt'))
  .sort();

/** Lines of a seed that are page chrome or metadata, not body sentences (checked separately below). */
const NOT_BODY = [
  /^首页$/,
  /^>/,
  /^打印/,
  /浏览次数/,
  /^索引号/,
  /^发文日期/,
  /^公开方式/,
  /^发布机构/,
  /^发布日期/,
  /^联系/,
  /^信息来源/,
  /^供图/,
  /^关键词/,
  /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}/,
  /^今日科技 \d{4}年\d+期$/,
  /^免責聲明|^免责声明/,
  /^[|\s]*$/,
];

/** Compares text the way a reader would: width-folded, without spacing, Markdown escapes or syntax. */
const normalise = (s: string) => s.normalize('NFKC').replace(/[\s\\*#|_>-]/g, '');

function bodySentences(seed: string): string[] {
  const meta = (parse(readFileSync(META, 'utf8')) ?? {})[seed] as
    { replace?: Array<{ find: string; with: string }> } | undefined;
  let text = readFileSync(join(SEEDS, seed), 'utf8');
  for (const r of meta?.replace ?? []) text = text.split(r.find).join(r.with);
  text = text.replace(
    /\((?=[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])[a-züāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]+\)/g,
    '',
  );
  const lines = text.split('\n');
  const related = lines.findIndex((l) => l.trim() === '猜你喜欢');
  return (related >= 0 ? lines.slice(0, related) : lines)
    .filter((l) => !NOT_BODY.some((re) => re.test(l.trim())))
    .flatMap((l) => l.split(/(?<=[。！？；])|\|/))
    .map(normalise)
    .filter((s) => s.length >= 2);
}

describe('importing the five seeds', () => {
  let project: TempProject;
  let importRun: ReturnType<typeof runScript>;
  const notices: Record<string, { path: string; text: string; data: Record<string, any> }> = {};

  beforeAll(() => {
    project = createTempProject();
    importRun = runScript('import', [SEEDS, '--meta', META, '--root', project.root]);
    const outDir = join(project.root, 'src/content/notices');
    const walk = (d: string): string[] =>
      readdirSync(d, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)],
      );
    for (const file of walk(outDir)) {
      const text = readFileSync(file, 'utf8');
      const data = parse(text.split('---\n')[1]!, { schema: 'failsafe' }) as Record<string, any>;
      notices[data.legacy.importedFrom] = { path: file, text, data };
    }
  });
  afterAll(() => project.remove());

  it('imports every seed, and the result passes npm run check', () => {
    expect(importRun.status, importRun.stdout + importRun.stderr).toBe(0);
    expect(Object.keys(notices).sort()).toEqual(seedNames);
    const check = runScript('check', ['--root', project.root]);
    expect(check.status, check.stderr).toBe(0);
  });

  it.each(seedNames)('loses no body sentence of %s', (seed) => {
    const text = normalise(notices[seed]!.text);
    const missing = bodySentences(seed).filter((s) => !text.includes(s));
    expect(missing, `missing sentences:\n${missing.join('\n')}`).toEqual([]);
  });

  it.each(seedNames)('drops the page chrome and debris of %s', (seed) => {
    const text = notices[seed]!.text;
    for (const chrome of [
      '首页',
      '政务公开>',
      '打印',
      '关闭',
      '浏览次数',
      '猜你喜欢',
      '免責聲明',
      '免责声明',
      '供图',
      '视觉中国',
      '||',
      '188体育',
      '科技在线',
    ])
      expect(text, chrome).not.toContain(chrome);
    expect(text).not.toMatch(/\([a-z]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-z]*\)/);
  });

  it('000: spam gone, 越城区 restored, reply and contact parsed', () => {
    const { data, text } = notices['000_922319e8c0b7fc13.txt']!;
    expect(text).toContain('近年来，越城区认真贯彻落实');
    expect(text.match(/越城区/g)!.length).toBeGreaterThanOrEqual(4);
    expect(data.indexNo).toBe('11330602056860309P/2024-96040');
    expect(data.reply).toMatchObject({
      kind: '建议',
      session: '区十届人大三次会议',
      number: '36',
      addressee: '冯观萍',
    });
    expect(data.contact).toEqual({ name: '金晶', phone: '88718631' });
    expect(data.publishedAt).toBe('2024-08-12T09:48:00+08:00');
    expect(data.title).toBe('对区十届人大三次会议第36号建议的答复');
    expect(data.legacy.supplied).toEqual(['body']);
  });

  it('002: the 清单式答复 is a GFM table; 文号, 索引号, reply parsed', () => {
    const { data, text } = notices['002_edf8cddc51133580.txt']!;
    expect(text).toMatch(
      /^\| 序号 \| 具体诉求 \| 答复内容 \|\n\| --- \| --- \| --- \|\n\| 1 \| 在机制建设方面予以支持 \| /m,
    );
    expect(data.docNo).toBe('浙科提〔2024〕297号');
    expect(data.indexNo).toBe('002482090/2024-00128');
    expect(data.reply).toMatchObject({
      number: '温138',
      addressee: '梁孝克',
      session: '省十四届人大二次会议',
    });
    expect(data.reply.subject).toBe(
      '关于支持龙港市青龙湖科技城创建省级创新联合体和招引顶尖科创团队的建议',
    );
    expect(data.contact).toEqual({
      name: '蔡建军',
      phone: '0571-87055403',
      unit: '省科技厅法规处',
    });
    expect(data.category).toBe('人大代表建议');
  });

  it('003: zh-Hant, no pinyin debris, editor-supplied fields recorded', () => {
    const { data, text } = notices['003_2566c038f07f171d.txt']!;
    expect(data.lang).toBe('zh-Hant');
    expect(text).toContain('科技系統“改革重塑年');
    expect(text).not.toContain('(tǒng)');
    expect(data.legacy.supplied).toEqual(
      expect.arrayContaining(['title', 'indexNo', 'date', 'issuer', 'category']),
    );
  });

  it('004: a 政协提案 reply, number 113, addressee 徐建凤, numbered parts on their own lines', () => {
    const { data, text } = notices['004_509357e0b9b1b6c5.txt']!;
    expect(data.category).toBe('政协提案');
    expect(data.reply).toMatchObject({
      kind: '提案',
      number: '113',
      addressee: '徐建凤',
      subject: '关于提升制造业创新能力的建议',
    });
    expect(text).toMatch(/^## 一、已开展的工作$/m);
    expect(text).toMatch(/^2、推进创新平台建设。/m);
    expect(text).toMatch(/^## 二、下步举措$/m);
  });

  it.each(seedNames)(
    '%s imports byte-identically to the sample notice the site publishes',
    (seed) => {
      const { path } = notices[seed]!;
      const rel = path.slice(join(project.root, 'src/content/notices').length + 1);
      expect(notices[seed]!.text).toBe(
        readFileSync(join(PROJECT_ROOT, 'src/content/notices', rel), 'utf8'),
      );
    },
  );

  it('002, 003 and 004 state no 发布日期: the editor supplies one, recorded as supplied', () => {
    for (const seed of [
      '002_edf8cddc51133580.txt',
      '003_2566c038f07f171d.txt',
      '004_509357e0b9b1b6c5.txt',
    ]) {
      expect(notices[seed]!.data.publishedAt).toBe('2026-11-24T16:40:48+08:00');
      expect(notices[seed]!.data.legacy.supplied).toContain('publishedAt');
    }
    expect(notices['001_8f1be0d5f7140018.txt']!.data.legacy.supplied).not.toContain('publishedAt');
  });

  it('re-importing the same input gives byte-identical output', () => {
    const before = hashTree(join(project.root, 'src/content/notices'));
    const again = runScript('import', [SEEDS, '--meta', META, '--root', project.root]);
    expect(again.status, again.stderr).toBe(0);
    expect(hashTree(join(project.root, 'src/content/notices'))).toEqual(before);
  });

  it('--dry-run prints what would be written and writes nothing', () => {
    const out = mkdtempSync(join(tmpdir(), 'gongkai-dry-'));
    const r = runScript('import', [
      join(SEEDS, '002_edf8cddc51133580.txt'),
      '--meta',
      META,
      '--out',
      out,
      '--dry-run',
      '--root',
      project.root,
    ]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('indexNo: 002482090/2024-00128');
    expect(readdirSync(out)).toEqual([]);
  });
});

describe('import refuses, and writes nothing for, a bad input', () => {
  let project: TempProject;
  let dir: string;
  beforeAll(() => {
    project = createTempProject();
    dir = mkdtempSync(join(tmpdir(), 'gongkai-inputs-'));
  });
  afterAll(() => project.remove());
  const outDir = () => join(project.root, 'src/content/notices');
  const written = () => (existsSync(outDir()) ? Object.keys(hashTree(outDir())) : []);

  it.each(seedNames)(
    'spam inserted into a copy of %s is reported with its line and blocks the file',
    (seed) => {
      const lines = readFileSync(join(SEEDS, seed), 'utf8').split('\n');
      const at = Math.min(8, lines.length - 2); // 0-based index → reported as line at + 1
      lines[at] = `${lines[at]}欢迎访问澳门葡京娱乐城官方网址`;
      writeFileSync(join(dir, seed), lines.join('\n'));
      const r = runScript('import', [join(dir, seed), '--meta', META, '--root', project.root]);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`第 ${at + 1} 行：疑似被篡改植入的内容「澳门葡京娱乐城官方网址」`);
      expect(written()).toEqual([]);
    },
  );

  it('reports a missing required field per input and never invents it', () => {
    const r = runScript('import', [
      join(SEEDS, '003_2566c038f07f171d.txt'),
      '--root',
      project.root,
    ]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /缺少必填字段：title（标题）、indexNo（索引号）、category（组配分类）、issuer（发布机构）、date（发文日期）/,
    );
    expect(written()).toEqual([]);
  });

  it('undecodable (GBK) and binary inputs get a clear error and no output', () => {
    writeFileSync(
      join(dir, 'gbk.txt'),
      Buffer.from([0xd5, 0xfe, 0xb8, 0xae, 0xd0, 0xc5, 0xcf, 0xa2, 0xb9, 0xab, 0xbf, 0xaa]),
    );
    writeFileSync(
      join(dir, 'image.txt'),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x00, 0x0d]),
    );
    const r = runScript('import', [
      join(dir, 'gbk.txt'),
      join(dir, 'image.txt'),
      '--root',
      project.root,
    ]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/gbk\.txt：未导入[\s\S]*无法按 UTF-8 解码/);
    expect(r.stderr).toMatch(/image\.txt：未导入[\s\S]*不是文本文件/);
    expect(written()).toEqual([]);
  });

  it.each([
    ['[2024]', '方括号'],
    ['(2024)', '圆括号'],
    ['【2024】', '方头括号'],
  ])('a scraped 文号 with %s becomes 〔2024〕, recorded in legacy.normalized', (bracket) => {
    const text = readFileSync(join(SEEDS, '002_edf8cddc51133580.txt'), 'utf8').replace(
      '浙科提〔2024〕297号',
      `浙科提${bracket}297号`,
    );
    writeFileSync(join(dir, '002_edf8cddc51133580.txt'), text);
    const out = mkdtempSync(join(tmpdir(), 'gongkai-norm-'));
    const r = runScript('import', [
      join(dir, '002_edf8cddc51133580.txt'),
      '--meta',
      META,
      '--out',
      out,
      '--root',
      project.root,
    ]);
    expect(r.status, r.stderr).toBe(0);
    const written = readFileSync(join(out, '2024/002482090-2024-00128.md'), 'utf8');
    const data = parse(written.split('---\n')[1]!, { schema: 'failsafe' }) as Record<string, any>;
    expect(data.docNo).toBe('浙科提〔2024〕297号');
    expect(data.legacy.normalized).toEqual([
      { field: 'docNo', from: `浙科提${bracket}297号`, to: '浙科提〔2024〕297号' },
    ]);
  });

  it('an input whose result breaks the content model is not written (here: a duplicate 索引号)', () => {
    project.write(
      'src/content/notices/2024/existing.md',
      readFileSync(join(PROJECT_ROOT, 'src/content/notices/2024/002482090-2024-00128.md'), 'utf8'),
    );
    const before = written();
    const r = runScript('import', [
      join(SEEDS, '002_edf8cddc51133580.txt'),
      '--meta',
      META,
      '--root',
      project.root,
    ]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('已被 2024/existing.md 使用');
    expect(written()).toEqual(before);
  });
});
