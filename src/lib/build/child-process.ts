import { spawn } from 'node:child_process';
import { join } from 'node:path';

/** The build's child processes' entry points (children/): an Astro build of one part, a Pagefind bundle. */
export const CHILDREN = {
  astroBuild: join(import.meta.dirname, 'children', 'astro-build.ts'),
  searchIndex: join(import.meta.dirname, 'children', 'search-index.ts'),
};

/**
 * Runs a TypeScript script of this project in a fresh Node process (same Node, through tsx):
 * a crash or its memory ends with that process. Resolves with the exit status and stderr.
 */
export function runTsChild(
  script: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ status: number; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
      // GONGKAI_VERBOSE=1: Astro's own log (steps and timings) of every process, for profiling.
      stdio: ['ignore', process.env.GONGKAI_VERBOSE ? 'inherit' : 'ignore', 'pipe'],
      env: { ...process.env, ...env },
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) => resolve({ status: status ?? 1, stderr }));
  });
}

/** Whether no process has the id `pid` any more (a lock's or a file's owner that was killed). */
export function processEnded(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
