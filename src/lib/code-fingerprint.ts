import { createHash, type Hash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

let fingerprint: string | undefined;

/**
 * A hash of every file of the checking and building code — src/lib (the rules, the search
 * indexing) and scripts/ (the CLIs and the build steps they run) —: caches keyed with it (check
 * results, search bundles) are invalidated by any change to that code, wherever it lives.
 */
export function libFingerprint(): string {
  const lib = dirname(fileURLToPath(import.meta.url));
  return (fingerprint ??= treesFingerprint([lib, join(lib, '..', '..', 'scripts')]));
}

/**
 * A hash of the names and contents of every file in `paths` (files or folders, walked in a fixed
 * order); a path that does not exist counts as such. `skip` leaves out a folder or file (given its
 * full path) with everything in it.
 */
export function treesFingerprint(
  paths: readonly string[],
  skip: (path: string) => boolean = () => false,
): string {
  const hash = createHash('sha256');
  // Each path by its place in the list, not its name: a project moved or cloned elsewhere keeps its caches.
  for (const [k, p] of paths.entries()) {
    hash.update(`\u0000${k}\u0000`);
    if (!existsSync(p)) hash.update('missing');
    else if (statSync(p).isDirectory()) walk(hash, p, p, skip);
    else hash.update(readFileSync(p));
  }
  return hash.digest('hex');
}

function walk(hash: Hash, top: string, dir: string, skip: (path: string) => boolean): void {
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  )) {
    const full = join(dir, e.name);
    const rel = relative(top, full).split(sep).join('/');
    if (skip(full)) continue;
    if (e.isDirectory()) walk(hash, top, full, skip);
    else if (e.isFile()) hash.update(`\u0000${rel}\u0000`).update(readFileSync(full));
  }
}
