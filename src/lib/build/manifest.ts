import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * The integrity manifest: SHA-256 of every published file, written into dist/ by every build.
 * Kept (or copied) somewhere the web server cannot write, it lets `npm run verify` find a
 * defaced page in minutes.
 */
export const MANIFEST_FILE = 'integrity-manifest.json';

export interface Manifest {
  algorithm: 'sha256';
  files: Record<string, string>;
}

export function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Every file under `dir` except the manifest itself, as sorted POSIX paths. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.isFile()) out.push(relative(dir, full).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.filter((f) => f !== MANIFEST_FILE).sort();
}

/** SHA-256 of each of `paths` (relative to `dir`). */
export function hashFiles(dir: string, paths: readonly string[]): Map<string, string> {
  return new Map(paths.map((f) => [f, sha256(readFileSync(join(dir, f)))]));
}

/**
 * `paths` when the caller has already listed the folder (listFiles); `known` hashes of files the
 * caller already hashed and that have not changed since.
 */
export function buildManifest(
  dir: string,
  paths: readonly string[] = listFiles(dir),
  known: ReadonlyMap<string, string> = new Map(),
): Manifest {
  const files: Record<string, string> = {};
  for (const f of paths) files[f] = known.get(f) ?? sha256(readFileSync(join(dir, f)));
  return { algorithm: 'sha256', files };
}

export function serialiseManifest(m: Manifest): string {
  return JSON.stringify(m, null, 1) + '\n';
}

export interface ManifestDiff {
  added: string[];
  changed: string[];
  missing: string[];
}

/** What differs between the trusted manifest and what was found. */
export function diffManifest(
  trusted: Manifest,
  found: Record<string, string | null>,
): ManifestDiff {
  const added: string[] = [];
  const changed: string[] = [];
  const missing: string[] = [];
  for (const [path, hash] of Object.entries(trusted.files)) {
    const got = found[path];
    if (got === undefined || got === null) missing.push(path);
    else if (got !== hash) changed.push(path);
  }
  for (const [path, hash] of Object.entries(found))
    if (hash !== null && !(path in trusted.files)) added.push(path);
  return { added: added.sort(), changed: changed.sort(), missing: missing.sort() };
}
