import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { runScript } from '../support/project-copy';
import { writeCorpusProject } from '../../bench/corpus-project';
import { checkNotices, loadSiteConfig } from '../../src/lib/content/project';
import { formatProblemsJson } from '../../src/lib/content/problem';
import { CACHE_DIR } from '../../src/lib/content/check-cache';

/** `npm run check` splits large uncached projects over worker threads; what it reports must not change. */
describe('npm run check on worker threads', () => {
  const root = join(tmpdir(), `gongkai-check-workers-${process.pid}`);
  let files: string[];
  beforeAll(() => {
    const { notices } = writeCorpusProject(root, { count: 3200, seed: 3, mdxShare: 0.1 });
    files = notices.map((n) => join(root, 'src/content/notices', n.path));
    const edit = (i: number, from: RegExp, to: string) =>
      writeFileSync(files[i]!, readFileSync(files[i]!, 'utf8').replace(from, to));
    edit(10, /^date: .*$/m, 'date: 2024-02-30');
    edit(1500, /^indexNo: (.*)\/\d{4}-/m, 'indexNo: $1/2016-');
    edit(
      2900,
      /^title: (.*)$/m,
      'title: $1 # yaml comment, read by yaml not the fast reader\nsumary: typo',
    );
    appendFileSync(files[3100]!, '\n近年来,188体育_188体育平台@:认真贯彻\n');
    appendFileSync(
      files[3199]!.endsWith('.mdx') ? files[3199]! : files[3198]!,
      '\n<script>alert(1)</script>\n',
    );
  }, 120_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('reports exactly what a single-thread check reports', async () => {
    const viaCli = runScript('check', ['--root', root, '--format', 'json']);
    expect(viaCli.status).toBe(1);
    // Warm: the workers answer from the cache what they checked before.
    const warm = runScript('check', ['--root', root, '--format', 'json']);
    expect(JSON.parse(warm.stdout)).toEqual(JSON.parse(viaCli.stdout));
    rmSync(join(root, CACHE_DIR), { recursive: true });
    const config = await loadSiteConfig(root);
    const direct = await checkNotices(root, config);
    expect(JSON.parse(viaCli.stdout)).toEqual(JSON.parse(formatProblemsJson(direct.problems)));
    // Notice 1500's 索引号 moved to 2016 takes a number a 2016 notice already has: its year and the
    // duplicate (named in both files) are reported in the same run.
    const moved = readFileSync(files[1500]!, 'utf8').match(/^indexNo: (.*)$/m)![1]!;
    const holders = files.filter((f) => readFileSync(f, 'utf8').includes(`\nindexNo: ${moved}\n`));
    expect(holders.length).toBe(2);
    expect(direct.problems.map((p) => p.field).sort()).toEqual([
      'body',
      'body',
      'date',
      'indexNo',
      'indexNo',
      'indexNo',
      'sumary',
    ]);
    expect(
      direct.problems
        .filter((p) => p.message.includes('重复'))
        .map((p) => p.file)
        .sort(),
    ).toEqual(holders.map((f) => f.slice(root.length + 1)).sort());
  }, 120_000);

  it.runIf(availableParallelism() > 1)(
    'uses the threads when the cache is cold, and says so',
    () => {
      rmSync(join(root, CACHE_DIR), { recursive: true, force: true });
      const r = runScript('check', ['--root', root]);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(new RegExp(`${Math.min(availableParallelism(), 2)} 个线程`));
    },
    120_000,
  );
});
