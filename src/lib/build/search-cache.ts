import { createHash } from 'node:crypto';
import {
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { join } from 'node:path';
import type { NoticeRecordSpec } from '../search/records';
import { libFingerprint } from '../code-fingerprint';

/**
 * Search bundles by content: a shard whose records (their specs and built pages) and indexing
 * code are what they were is linked from the last build instead of indexed again, which is most
 * of a rebuild's Pagefind time on a large site (one edited notice changes one shard of twenty).
 * Entries are hard links to the published files, so the cache costs no copy; an entry this build
 * did not use is removed after it.
 */
export class SearchBundleCache {
  private readonly salt: string;
  private readonly used = new Set<string>();

  constructor(private readonly dir: string) {
    // Pagefind's version (its package.json is not exported: found next to its entry point).
    const pagefind = JSON.parse(
      readFileSync(new URL('../package.json', import.meta.resolve('pagefind')), 'utf8'),
    ) as { version: string };
    this.salt = `${pagefind.version}\u0000${libFingerprint()}`;
  }

  /** The key of a shard: its record specs and the SHA-256 of every one of its built pages (`pageHashes`, by file). */
  key(items: readonly NoticeRecordSpec[], pageHashes: ReadonlyMap<string, string>): string {
    const hash = createHash('sha256')
      .update(this.salt)
      .update('\u0000')
      .update(JSON.stringify(items));
    for (const item of items) hash.update('\u0000').update(pageHashes.get(item.file)!);
    return hash.digest('hex');
  }

  /** Links the cached bundle into `target`; false when there is none, or `target` already exists. */
  restore(key: string, target: string): boolean {
    const entry = join(this.dir, key);
    if (!existsSync(join(entry, 'pagefind-entry.json')) || existsSync(target)) return false;
    linkTree(entry, target);
    this.used.add(key);
    return true;
  }

  /** Keeps a freshly written bundle for the next build (linked, then renamed into place). */
  store(key: string, bundle: string): void {
    const entry = join(this.dir, key);
    rmSync(`${entry}.tmp`, { recursive: true, force: true });
    linkTree(bundle, `${entry}.tmp`);
    rmSync(entry, { recursive: true, force: true });
    renameSync(`${entry}.tmp`, entry);
    this.used.add(key);
  }

  /** Drops every entry this build did not use. */
  prune(): void {
    if (!existsSync(this.dir)) return;
    for (const name of readdirSync(this.dir))
      if (!this.used.has(name)) rmSync(join(this.dir, name), { recursive: true, force: true });
  }
}

function linkTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const e of readdirSync(from, { withFileTypes: true })) {
    if (e.isDirectory()) linkTree(join(from, e.name), join(to, e.name));
    else linkSync(join(from, e.name), join(to, e.name));
  }
}
