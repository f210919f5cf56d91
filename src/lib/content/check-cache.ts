import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { libFingerprint } from '../code-fingerprint';
import type { NoticeData } from '../model/notice-schema';
import type { Problem } from './problem';
import type { BodyImage } from './body-images';
import type { NoticeRefs } from './validate-notice';

/**
 * Single-file check results keyed by a hash of the file's text, the site's categories and the
 * checking code itself (every file of src/lib): an unchanged notice is not parsed again, a changed
 * one, or any change to the rules, is. Cross-file rules are never cached.
 */
export const CACHE_FILE = '.gongkai/check-cache.json';

export interface CachedResult {
  data: NoticeData | null;
  /** Problems without their `file` (the same text may move). */
  problems: Array<Omit<Problem, 'file'>>;
  bodyLine: number;
  /** Lines the cross-file rules report at: `indexNo`, `attachments.<i>.href`. */
  lines: Record<string, number | null>;
  /** The body's lead (leadBlocks): the listings show it, and the build need not read the file again for it. */
  lead: string;
  /** The body's images (their files are a cross-file rule). */
  images: BodyImage[];
  /** The cross-file fields as written (validate-notice.ts NoticeRefs). */
  refs: NoticeRefs;
}

/** The key of a file's bytes (hashed as read: no decoding, no re-encoding of a string). */
export function cacheKey(salt: string, source: Uint8Array | string): string {
  return createHash('sha1').update(salt).update('\u0000').update(source).digest('hex');
}

export class CheckCache {
  private entries: Record<string, CachedResult> = {};
  private used: Record<string, CachedResult> = {};
  /** Code fingerprint and the content model's configuration: part of every key. */
  readonly salt: string;

  constructor(
    private readonly root: string,
    modelFingerprint: string,
  ) {
    // Hashed once: the salt goes into every file's key, and the configuration's text is long.
    this.salt = createHash('sha1')
      .update(`${libFingerprint()}\u0000${modelFingerprint}`)
      .digest('hex');
    const file = join(root, CACHE_FILE);
    if (existsSync(file)) {
      try {
        this.entries = JSON.parse(readFileSync(file, 'utf8')) as Record<string, CachedResult>;
      } catch {
        this.entries = {}; // a damaged cache is only a slower run
      }
    }
  }

  /** The keys of every stored result. */
  keys(): string[] {
    return Object.keys(this.entries);
  }

  has(key: string): boolean {
    return Object.hasOwn(this.entries, key);
  }

  get(key: string): CachedResult | undefined {
    const hit = this.entries[key];
    if (hit) this.used[key] = hit;
    return hit;
  }

  set(key: string, value: CachedResult): void {
    this.used[key] = value;
  }

  /** Keeps only the results this run used (deleted or changed files drop out), written atomically. */
  save(): void {
    const file = join(this.root, CACHE_FILE);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(`${file}.tmp`, JSON.stringify(this.used));
    renameSync(`${file}.tmp`, file);
  }
}
