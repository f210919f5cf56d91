import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let fingerprint: string | undefined;

/**
 * A hash of every file under src/lib, the rules and the search indexing included: caches keyed
 * with it (check results, search bundles) are invalidated by any change to that code.
 */
export function libFingerprint(): string {
  if (fingerprint) return fingerprint;
  const lib = dirname(fileURLToPath(import.meta.url));
  const hash = createHash('sha256');
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = join(d, e.name);
      if (e.isDirectory()) walk(full);
      else {
        hash.update(full.slice(lib.length));
        hash.update(readFileSync(full));
      }
    }
  };
  walk(lib);
  return (fingerprint = hash.digest('hex'));
}
