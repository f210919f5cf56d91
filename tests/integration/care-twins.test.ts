import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import {
  createTempProject,
  PROJECT_ROOT,
  runScript,
  type TempProject,
} from '../support/project-copy';
import { writeCorpusProject } from '../../bench/corpus-project';
import { hashTree } from '../helpers/tree-hash';

/**
 * A build renders each reading page once and splits it into the standard page and its care twin
 * (src/lib/site/care-twins.ts). The site must be the one rendering every care page through Astro
 * gives (GONGKAI_CARE_PAGES=render, the way before), byte for byte — in one process and in parts.
 */
describe('care twins split from one render', () => {
  const projects: TempProject[] = [];
  afterAll(() => projects.forEach((p) => p.remove()));

  /** The site built the way before, then with twins; and which pages Astro itself wrote each time. */
  function buildBothWays(project: TempProject, env: NodeJS.ProcessEnv = {}) {
    const verbose = { ...env, GONGKAI_VERBOSE: '1' };
    const rendered = runScript('build', ['--root', project.root], undefined, {
      ...verbose,
      GONGKAI_CARE_PAGES: 'render',
    });
    expect(rendered.status, rendered.stderr).toBe(0);
    const before = hashTree(join(project.root, 'dist'));
    // --full: nothing changed in between, so an ordinary build would reuse the first one.
    const twins = runScript('build', ['--root', project.root, '--full'], undefined, verbose);
    expect(twins.status, twins.stderr).toBe(0);
    const astroWrote = (log: string) => log.match(/\/care\/\S*index\.html/g)?.length ?? 0;
    return {
      before,
      after: hashTree(join(project.root, 'dist')),
      careRendered: { before: astroWrote(rendered.stdout), after: astroWrote(twins.stdout) },
    };
  }

  function carePages(hashes: Record<string, string>): string[] {
    return Object.keys(hashes).filter((f) => f.startsWith('care/') && f.endsWith('.html'));
  }

  it('the sample site (MDX, traditional, policy documents, reports, search) is identical', () => {
    const project = createTempProject({ keepSampleNotices: true });
    projects.push(project);
    const { before, after, careRendered } = buildBothWays(project);
    expect(after).toEqual(before);
    // Every reading page has its care twin, and none of them went through Astro's renderer.
    const notices = readdirSync(join(PROJECT_ROOT, 'src/content/notices'), { recursive: true })
      .map(String)
      .filter((f) => /\.mdx?$/.test(f));
    expect(carePages(after).filter((f) => f.startsWith('care/notices/'))).toHaveLength(
      notices.length,
    );
    expect(careRendered.before).toBe(carePages(before).length);
    expect(careRendered.after).toBe(0);
    // No mark of a twin page is left in anything published.
    for (const file of Object.keys(after).filter((f) => /\.(html|xml|json|csv)$/.test(f)))
      expect(readFileSync(join(project.root, 'dist', file), 'utf8')).not.toMatch(/[\uE000\uE001]/);
  });

  it('60 generated notices, 30% MDX, built in 3 Astro processes, are identical', () => {
    const { project } = writeCorpusProject(mkdtempSync(join(tmpdir(), 'gongkai-twins-')), {
      count: 60,
      seed: 11,
      mdxShare: 0.3,
    });
    projects.push(project);
    const { before, after, careRendered } = buildBothWays(project, {
      GONGKAI_PARTITION_SIZE: '30',
    });
    expect(carePages(after).filter((f) => f.startsWith('care/notices/'))).toHaveLength(60);
    expect(careRendered.before).toBe(carePages(before).length);
    expect(careRendered.after).toBe(0);
    expect(after).toEqual(before);
  });
});
