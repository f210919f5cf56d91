import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { parseArgs } from 'node:util';

const read = (name: string) =>
  parse(readFileSync(join(import.meta.dirname, '../../deploy', name), 'utf8')) as Record<
    string,
    any
  >;

/** The build's own options (scripts/build.ts), so a workflow cannot pass one it does not take. */
function buildArgs(command: string): ReturnType<typeof parseArgs> {
  // GitHub's ${{ expression }} holds spaces: one word here.
  const words = command.replace(/\$\{\{\s*(.*?)\s*\}\}/g, '${{$1}}');
  const args = words.split(' -- ')[1]!.trim().split(/\s+/);
  return parseArgs({
    args,
    options: {
      part: { type: 'string' },
      out: { type: 'string' },
      merge: { type: 'boolean' },
    },
    allowPositionals: true,
    strict: true,
  });
}

describe('the CI workflows of a build on several machines (deploy/)', () => {
  it('GitHub Actions: one part job per part 1…PARTS, merged from their artifacts', () => {
    const wf = read('github-actions.yml');
    const parts = Number(wf.env.PARTS);
    expect(wf.jobs.part.strategy.matrix.part).toEqual(
      Array.from({ length: parts }, (_, i) => i + 1),
    );
    const build = wf.jobs.part.steps.find((s: any) => s.run?.includes('--part')).run as string;
    expect(buildArgs(build).values).toEqual({
      part: '${{matrix.part}}/${{env.PARTS}}',
      out: 'part-${{matrix.part}}',
    });
    const upload = wf.jobs.part.steps.find((s: any) => s.uses?.startsWith('actions/upload'));
    expect(upload.with.path).toBe('part-${{ matrix.part }}');
    expect(wf.jobs.merge.needs).toBe('part');
    const download = wf.jobs.merge.steps.find((s: any) => s.uses?.startsWith('actions/download'));
    expect(download.with).toEqual({ pattern: 'part-*', path: 'parts' });
    const merge = buildArgs(wf.jobs.merge.steps.find((s: any) => s.run?.includes('--merge')).run);
    expect(merge.values).toEqual({ merge: true });
    expect(merge.positionals).toEqual(['parts/part-*']);
  });

  it('GitLab CI: a parallel matrix of parts 1…PARTS, merged from their artifacts', () => {
    const ci = read('gitlab-ci.yml');
    const parts = Number(ci.variables.PARTS);
    expect(ci.part.parallel.matrix).toEqual([
      { PART: Array.from({ length: parts }, (_, i) => String(i + 1)) },
    ]);
    expect(buildArgs(ci.part.script[0]).values).toEqual({
      part: '$PART/$PARTS',
      out: 'part-$PART',
    });
    expect(ci.part.artifacts.paths).toEqual(['part-$PART/']);
    expect(ci.merge.needs).toEqual(['part']);
    const merge = buildArgs(ci.merge.script[0]);
    expect(merge.values).toEqual({ merge: true });
    expect(merge.positionals).toEqual(['part-*']);
    expect(ci.merge.artifacts.paths).toEqual(['dist/']);
  });
});
