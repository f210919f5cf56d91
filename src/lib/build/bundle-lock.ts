import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { processEnded } from './child-process';

/**
 * Two Astro processes of one project may run at once only if they do not bundle at once: every
 * Astro build of a root writes the same <root>/.astro/content-modules.mjs (its MDX modules) while
 * it syncs its content, and reads it back while Vite bundles. A process holds this lock from before
 * its content sync until its bundles are built, then renders its pages beside the next process's
 * sync and bundling. The lock is a directory (mkdir is atomic) holding the owner's pid, so a
 * process killed while holding it does not stop the others.
 */
export const BUNDLE_LOCK_ENV = 'GONGKAI_BUNDLE_LOCK';

const OWNER_FILE = 'pid';

/** Waits until this process holds the lock at `dir`; returns its release (idempotent). */
export async function acquireBundleLock(dir: string): Promise<() => void> {
  for (;;) {
    try {
      mkdirSync(dir);
      writeFileSync(join(dir, OWNER_FILE), String(process.pid));
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      if (ownerGone(dir)) rmSync(dir, { recursive: true, force: true });
      else await sleep(100);
    }
  }
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', release);
  return release;
}

/** The lock's owner has ended (or the lock was left without one). */
function ownerGone(dir: string): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(join(dir, OWNER_FILE), 'utf8'));
  } catch {
    // Between the owner's mkdir and its write, or an owner killed in between: the latter is old.
    try {
      return Date.now() - statSync(dir).mtimeMs > 10_000;
    } catch {
      return false;
    }
  }
  return !Number.isInteger(pid) || pid <= 0 || processEnded(pid);
}
