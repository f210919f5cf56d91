import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { libFingerprint, treesFingerprint } from '../code-fingerprint';
import { SITE_CONFIG_FILE } from '../content/paths';

const STAMP = 'gongkai-schema.txt';

/**
 * Astro's content layer keeps each entry's validated data in <cacheDir>/data-store.json and
 * re-validates only entries whose file changed: a change to the schema's code (src/lib) or to the
 * site configuration (categories, issuers, result classes) would leave old entries as they were
 * validated — a new field's default missing from unchanged notices. A stamp of both beside the
 * store drops the store when either changes.
 */
export function dropStaleContentStore(root: string, cacheDir: string): void {
  const stamp = `${libFingerprint()}\n${treesFingerprint([join(root, SITE_CONFIG_FILE), join(root, 'src/content.config.ts')])}`;
  const file = join(cacheDir, STAMP);
  if (existsSync(file) && readFileSync(file, 'utf8') === stamp) return;
  rmSync(join(cacheDir, 'data-store.json'), { force: true });
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(file, stamp);
}
