import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { checkoutCopy, runScript } from '../support/project-copy';
import { writeCorpusProject } from '../../bench/corpus-project';
import { hashTree } from '../helpers/tree-hash';

/**
 * A build on several machines: `--part K/N` in N separate copies of the project (separate
 * processes and folders, nothing shared but the files a commit holds), then `--merge` in another
 * copy. The merged dist/ must be the one-machine build's, byte for byte (so every search answers
 * the same), and the merge must refuse parts that do not belong together, leaving dist/ as it was.
 */
describe('npm run build on several machines', () => {
  const top = mkdtempSync(join(tmpdir(), 'gongkai-machines-'));
  // 150 notices in shards of ≤ 40: 4 shards, so 3 parts hold 1, 1 and 2 shards.
  const env = { GONGKAI_SHARD_SIZE: '40' };
  const origin = join(top, 'origin');
  let oneMachine: Record<string, string>;
  let merged: Record<string, string>;

  /** A machine: a fresh copy of the project as a checkout gives it (no dist/, no .gongkai/). */
  function machine(name: string): string {
    return checkoutCopy(origin, join(top, name));
  }
  function build(root: string, args: string[]) {
    return runScript('build', ['--root', root, ...args], undefined, env);
  }
  function part(root: string, k: number, of: number, out = join(top, `part-${k}-of-${of}`)) {
    const r = build(root, ['--part', `${k}/${of}`, '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    return out;
  }

  beforeAll(() => {
    writeCorpusProject(origin, { count: 150, seed: 7, mdxShare: 0.3 });
    const one = machine('one-machine');
    const r = build(one, []);
    expect(r.status, r.stderr).toBe(0);
    oneMachine = hashTree(join(one, 'dist'));
  }, 300_000);
  afterAll(() => rmSync(top, { recursive: true, force: true }));

  const parts = [1, 2, 3].map((k) => join(top, `part-${k}-of-3`));
  let merger: string;

  it('3 parts on 3 machines merge into the one-machine site, byte for byte', () => {
    for (const k of [1, 2, 3]) part(machine(`machine-${k}`), k, 3);
    merger = machine('merger');
    const r = build(merger, ['--merge', ...parts]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('完整构建：合并 3 个部分');
    merged = hashTree(join(merger, 'dist'));
    expect(Object.keys(merged).filter((f) => /^notices\/[^/]+\/index\.html$/.test(f))).toHaveLength(
      150,
    );
    expect(
      Object.keys(merged).filter((f) => /^pagefind(-\d+)?\/pagefind-entry\.json$/.test(f)),
    ).toHaveLength(4);
    expect(merged).toEqual(oneMachine);
    // The parts are left as they were: the merge can run again.
    const again = build(merger, ['--merge', ...parts, '--full']);
    expect(again.status, again.stderr).toBe(0);
    expect(hashTree(join(merger, 'dist'))).toEqual(oneMachine);
  }, 300_000);

  /** A merge that must fail with `reason`, leaving the merged site as it was. */
  function refuses(dirs: string[], reason: string | RegExp) {
    const r = build(merger, ['--merge', ...dirs]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('不能合并这些部分（dist/ 未改动）');
    expect(r.stderr).toMatch(reason);
    expect(hashTree(join(merger, 'dist'))).toEqual(oneMachine);
  }

  it('refuses a missing, a repeated or a foreign-count part', () => {
    refuses(parts.slice(0, 2), '缺少第 3/3 部分');
    refuses([parts[0]!, parts[0]!, parts[1]!, parts[2]!], /第 1\/3 部分出现了 2 次/);
    const half = part(machine('halves'), 1, 2);
    refuses([half, parts[1]!, parts[2]!], '各部分的总数不一致');
    refuses([join(top, 'origin'), ...parts], `${join(top, 'origin')} 不是构建的一部分`);
  }, 300_000);

  it('refuses parts of other code, configuration, notices or commit', () => {
    const code = machine('other-code');
    appendFileSync(join(code, 'src/lib/site/format.ts'), '\n// another version of the code\n');
    refuses([parts[0]!, part(code, 2, 3, join(top, 'code-2')), parts[2]!], /第 2\/3 部分）的代码/);

    const config = machine('other-config');
    const file = join(config, 'src/content/site.config.ts');
    writeFileSync(file, readFileSync(file, 'utf8').replace('测试单位', '另一个单位'));
    refuses([parts[0]!, parts[1]!, part(config, 3, 3, join(top, 'config-3'))], '站点配置');

    const notices = machine('other-notices');
    const first = readFileSync(join(origin, '.bench-first'), 'utf8').trim();
    appendFileSync(join(notices, 'src/content/notices', first), '\n\n另一台机器上多了一段正文。\n');
    refuses([part(notices, 1, 3, join(top, 'notices-1')), parts[1]!, parts[2]!], '公告内容');

    const commit = machine('a-commit');
    const git = (...args: string[]) =>
      execFileSync('git', ['-C', commit, ...args], {
        stdio: 'ignore',
        env: {
          ...process.env,
          GIT_AUTHOR_NAME: 't',
          GIT_AUTHOR_EMAIL: 't@example.org',
          GIT_COMMITTER_NAME: 't',
          GIT_COMMITTER_EMAIL: 't@example.org',
        },
      });
    git('init', '-q');
    git('add', '-A');
    git('commit', '-qm', 'another commit');
    refuses(
      [part(commit, 1, 3, join(top, 'commit-1')), parts[1]!, parts[2]!],
      '提交（git commit）',
    );
  }, 600_000);

  it('refuses a part whose files changed after it was built', () => {
    const copy = join(top, 'tampered-2');
    cpSync(parts[1]!, copy, { recursive: true });
    const page = Object.keys(JSON.parse(readFileSync(join(copy, 'part.json'), 'utf8')).files).find(
      (f: string) => f.startsWith('notices/'),
    )!;
    appendFileSync(join(copy, 'site', page), '<p>澳门博彩</p>');
    refuses([parts[0]!, copy, parts[2]!], /个文件在构建后被改动/);
  }, 300_000);
});
