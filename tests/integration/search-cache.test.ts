import { afterAll, describe, expect, it } from 'vitest';
import { appendFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { runScript } from '../support/project-copy';
import { writeCorpusProject } from '../../bench/corpus-project';
import { hashTree } from '../helpers/tree-hash';

/**
 * A rebuild links unchanged search shards from the last build instead of indexing them again.
 * What it publishes must be what a build without that cache publishes, byte for byte.
 */
describe('search bundles reused across builds', () => {
  const { project, notices } = writeCorpusProject(
    mkdtempSync(join(tmpdir(), 'gongkai-search-cache-')),
    { count: 120, seed: 11 },
  );
  afterAll(() => project.remove());
  const env = { GONGKAI_SHARD_SIZE: '30' };
  // --full: the cache serves full builds (an edit to a body alone would otherwise build incrementally).
  const build = () => runScript('build', ['--root', project.root, '--full'], undefined, env);
  const cacheDir = join(project.root, '.gongkai/search-cache');

  it('after editing one notice only its shard is indexed again, and the site equals a cold build', () => {
    const cold = build();
    expect(cold.status, cold.stderr).toBe(0);
    expect(cold.stdout).toContain('搜索索引：120 篇，4 个分片。');

    appendFileSync(
      join(project.root, 'src/content/notices', notices[7]!.path),
      '\n基准测试追加的一段：火星基地建设进展。\n',
    );
    const rebuild = build();
    expect(rebuild.status, rebuild.stderr).toBe(0);
    expect(rebuild.stdout).toContain('4 个分片（3 个未变，沿用上次的索引）');
    const reused = hashTree(join(project.root, 'dist'));
    expect(readdirSync(cacheDir)).toHaveLength(4); // the replaced shard's old entry is gone

    rmSync(cacheDir, { recursive: true });
    const fresh = build();
    expect(fresh.status, fresh.stderr).toBe(0);
    expect(fresh.stdout).toContain('4 个分片。');
    expect(hashTree(join(project.root, 'dist'))).toEqual(reused);
  });
});
