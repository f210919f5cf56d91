import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';

/** The real project, whose code the copies run. */
export const PROJECT_ROOT = resolve(import.meta.dirname, '../..');
const TSX = join(PROJECT_ROOT, 'node_modules/.bin/tsx');

export interface TempProject {
  root: string;
  write(path: string, content: string): void;
  remove(): void;
}

/**
 * A throwaway copy of this project (code, config, public/) with its own notices (and no annual
 * reports unless it keeps the sample's), so tests and
 * benches never touch the real content or a dist/ someone may be looking at. node_modules is
 * linked, not copied.
 */
export function createTempProject(
  options: { notices?: Record<string, string>; keepSampleNotices?: boolean; root?: string } = {},
): TempProject {
  const root = options.root ?? mkdtempSync(join(tmpdir(), 'gongkai-test-'));
  mkdirSync(root, { recursive: true });
  for (const f of ['astro.config.mjs', 'tsconfig.json', 'package.json'])
    cpSync(join(PROJECT_ROOT, f), join(root, f));
  cpSync(join(PROJECT_ROOT, 'src'), join(root, 'src'), {
    recursive: true,
    // The sample's annual reports go with its notices.
    filter: (src) =>
      options.keepSampleNotices ||
      !['src/content/notices', 'src/content/reports'].some((dir) =>
        src.startsWith(join(PROJECT_ROOT, dir)),
      ),
  });
  cpSync(join(PROJECT_ROOT, 'public'), join(root, 'public'), { recursive: true });
  cpSync(join(PROJECT_ROOT, 'scripts'), join(root, 'scripts'), { recursive: true });
  mkdirSync(join(root, 'src/content/notices'), { recursive: true });
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
  const project: TempProject = {
    root,
    write(path, content) {
      const full = join(root, path);
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, content);
    },
    remove() {
      rmSync(root, { recursive: true, force: true });
    },
  };
  for (const [path, content] of Object.entries(options.notices ?? {}))
    project.write(join('src/content/notices', path), content);
  return project;
}

export interface RunResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs one of the project's CLIs (scripts/NAME.ts) as `npm run NAME` would, against `root`. */
/**
 * The environment a user's shell gives a script, without vitest's own: vitest sets NODE_ENV=test
 * and Vite's DEV=1, MODE=test …, which Astro reads as import.meta.env when it renders, so a build
 * run under them would be a development build (no Content-Security-Policy, no care twins).
 */
export function userEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const vitest = /^(VITEST.*|NODE_ENV|TEST|DEV|PROD|MODE|SSR|BASE_URL)$/;
  return {
    ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !vitest.test(k))),
    FORCE_COLOR: '0',
    NO_COLOR: '1',
    ...extra,
  };
}

/** A copy of a project as a fresh checkout on another machine has it: no dist/, no build caches. */
export function checkoutCopy(from: string, to: string): string {
  cpSync(from, to, {
    recursive: true,
    filter: (src) => !/[/\\](dist|\.gongkai|\.astro)$/.test(src),
  });
  return to;
}

export function runScript(
  name: string,
  args: string[],
  cwd = PROJECT_ROOT,
  env: NodeJS.ProcessEnv = {},
  input?: string,
): RunResult {
  const r = spawnSync(TSX, [join(PROJECT_ROOT, 'scripts', `${name}.ts`), ...args], {
    cwd,
    encoding: 'utf8',
    ...(input !== undefined ? { input } : {}),
    env: userEnv(env),
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Like runScript, without blocking this process (needed when this process also serves HTTP). */
export function runScriptAsync(
  name: string,
  args: string[],
  cwd = PROJECT_ROOT,
): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn(TSX, [join(PROJECT_ROOT, 'scripts', `${name}.ts`), ...args], {
      cwd,
      env: userEnv(),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) => resolve({ status: status ?? -1, stdout, stderr }));
  });
}
