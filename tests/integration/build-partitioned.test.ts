import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { createTempProject, runScript, type TempProject } from '../support/project-copy';
import { writeCorpusProject } from '../../bench/corpus-project';
import { hashTree } from '../helpers/tree-hash';

/**
 * A site above the partition size is built by several Astro processes (site pages from the check's
 * metadata, notice pages in parts) whose outputs are merged. The merged site must be the site a
 * single process builds, byte for byte: pages, 上一篇/下一篇 across parts, assets, feeds, the
 * search bundle and the integrity manifest.
 */
describe('npm run build in parts', () => {
  const projects: TempProject[] = [];
  afterAll(() => projects.forEach((p) => p.remove()));

  function buildBothWays(
    project: TempProject,
    partitionSize: number,
    env = {},
    beforeParted = () => {},
  ) {
    const whole = runScript('build', ['--root', project.root], undefined, env);
    expect(whole.status, whole.stderr).toBe(0);
    expect(whole.stdout).not.toContain('个进程');
    const single = hashTree(join(project.root, 'dist'));
    beforeParted();
    // --full: nothing changed in between, so an ordinary build would reuse the first one.
    const parted = runScript('build', ['--root', project.root, '--full'], undefined, {
      ...env,
      GONGKAI_PARTITION_SIZE: String(partitionSize),
    });
    expect(parted.status, parted.stderr).toBe(0);
    return { single, parted: hashTree(join(project.root, 'dist')), stdout: parted.stdout };
  }

  it('the sample site (traditional, MDX components, attachments) in 3 parts is identical', () => {
    const project = createTempProject({ keepSampleNotices: true });
    projects.push(project);
    const { single, parted, stdout } = buildBothWays(project, 4); // 12 notices
    expect(stdout).toContain('Astro 生成页面（4 个进程）');
    expect(Object.keys(parted).length).toBeGreaterThan(100);
    expect(parted).toEqual(single);

    // A part that fails stops the build, says which part, and leaves dist/ and no half-built parts.
    const page = join(project.root, 'src/components/pages/NoticePage.astro');
    const template = readFileSync(page, 'utf8');
    writeFileSync(
      page,
      template.replace(
        'const n = notice.data;',
        "const n = notice.data;\nif (n.indexNo === '11330602056860309P/2024-00012') throw new Error('这一篇渲染出错');",
      ),
    );
    const failed = runScript('build', ['--root', project.root], undefined, {
      GONGKAI_PARTITION_SIZE: '3',
    });
    writeFileSync(page, template);
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain('Astro 生成页面出错');
    expect(failed.stderr).toMatch(/第 \d 部分（\d 篇）：[\s\S]*这一篇渲染出错/);
    expect(hashTree(join(project.root, 'dist'))).toEqual(single);
    expect(existsSync(join(project.root, '.gongkai/parts'))).toBe(false);
    expect(existsSync(join(project.root, '.gongkai/staging'))).toBe(false);
  });

  it('150 generated notices, 30% MDX, in 4 parts of ≤ 40 is identical; search shards indexed as their pages are rendered', () => {
    const { project } = writeCorpusProject(mkdtempSync(join(tmpdir(), 'gongkai-parts-')), {
      count: 150,
      seed: 7,
      mdxShare: 0.3,
    });
    projects.push(project);
    // Shards of 40 (newest first) and parts of ≤ 40 files (oldest year first): the oldest shards'
    // pages are all rendered before the last part, and Pagefind starts on them beside Astro.
    // Without the search cache, which would give every shard back unchanged.
    const { single, parted, stdout } = buildBothWays(
      project,
      40,
      { GONGKAI_SHARD_SIZE: '40' },
      () => rmSync(join(project.root, '.gongkai/search-cache'), { recursive: true, force: true }),
    );
    expect(stdout).toContain('Astro 生成页面（5 个进程）');
    expect(stdout).toMatch(/搜索索引：150 篇，4 个分片（[1-4] 个在 Astro 生成页面的同时建立）/);
    expect(Object.keys(parted).filter((f) => /^notices\/[^/]+\/index\.html$/.test(f))).toHaveLength(
      150,
    );
    expect(parted).toEqual(single);
  });
});
