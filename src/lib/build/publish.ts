import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Putting a build into dist/: renames on one file system, undone in reverse order if one fails,
 * so dist/ is either as it was or wholly the new build — never half-written.
 */

/** Performs the renames in order; if one fails, undoes the ones done and throws. */
export function renameAll(moves: ReadonlyArray<readonly [from: string, to: string]>): void {
  const done: Array<readonly [string, string]> = [];
  try {
    for (const [from, to] of moves) {
      if (!existsSync(from)) continue;
      mkdirSync(dirname(to), { recursive: true });
      renameSync(from, to);
      done.push([from, to]);
    }
  } catch (err) {
    for (const [from, to] of done.reverse()) renameSync(to, from);
    throw err;
  }
}

/**
 * A full build: replaces `target` with `staging`, the old tree moved `aside` first and removed only
 * once the new one is in place.
 */
export function swapInto(staging: string, target: string, aside: string): void {
  rmSync(aside, { recursive: true, force: true });
  renameAll([
    [target, aside],
    [staging, target],
  ]);
  rmSync(aside, { recursive: true, force: true });
}

/**
 * An incremental build: moves each of `paths` (relative) from `next` into `dist`, the old one (if
 * any) to `aside` first.
 */
export function replacePaths(
  dist: string,
  next: string,
  aside: string,
  paths: readonly string[],
): void {
  renameAll(
    paths.flatMap((p) => [
      [join(dist, p), join(aside, p)] as const,
      [join(next, p), join(dist, p)] as const,
    ]),
  );
}

/**
 * The hashed assets (`_astro/`) a part made that the site already has, each with whether the two
 * are the same bytes: a part may only add assets, or make one identical to the site's.
 */
export function sharedAssets(
  partDir: string,
  siteDir: string,
): Array<{ name: string; same: boolean }> {
  const assets = join(partDir, '_astro');
  if (!existsSync(assets)) return [];
  return readdirSync(assets)
    .filter((name) => existsSync(join(siteDir, '_astro', name)))
    .map((name) => ({
      name,
      same: readFileSync(join(siteDir, '_astro', name)).equals(readFileSync(join(assets, name))),
    }));
}
