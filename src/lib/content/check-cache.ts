import { createHash } from 'node:crypto';
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
  type Stats,
} from 'node:fs';
import { join } from 'node:path';
import { libFingerprint } from '../code-fingerprint';
import type { NoticeData } from '../model/notice-schema';
import type { Problem } from './problem';
import type { BodyImage } from './body-images';
import type { NoticeRefs } from './validate-notice';
import type { ContentDigests } from './notice-digests';

/**
 * Single-file check results keyed by a hash of the file's text, the site's categories and the
 * checking code itself (every file of src/lib): an unchanged notice is not parsed again, a changed
 * one, or any change to the rules, is. Cross-file rules are never cached.
 *
 * A folder, because 100,000 notices make 120 MB of results: `results.json` is rewritten only when
 * many results went out of use; a run that checked a few files appends them to `added.jsonl`; and
 * `files.json` remembers each file's size and times with its key, so an unchanged file is not even
 * read (as git's index does; a file changed in the last seconds before a run is always read).
 */
export const CACHE_DIR = '.gongkai/check-cache';
const RESULTS = 'results.json';
const ADDED = 'added.jsonl';
const FILES = 'files.json';
/** A file whose times are this close to the run that recorded them is read again next time (timestamps are coarse). */
const RACY_MS = 2000;

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
  /** Digests of the data and the lead (notice-digests.ts). */
  digests: ContentDigests;
}

/** The key of a file's bytes (hashed as read: no decoding, no re-encoding of a string). */
export function cacheKey(salt: string, source: Uint8Array | string): string {
  return createHash('sha1').update(salt).update('\u0000').update(source).digest('hex');
}

/** A file's size and times as files.json keeps them, with the key of the text they were read with. */
type FileStamp = [size: number, mtimeMs: number, ctimeMs: number, key: string];
interface FilesRecord {
  salt: string;
  files: Record<string, FileStamp>;
}

export class CheckCache {
  private entries: Record<string, CachedResult> = {};
  private used: Record<string, CachedResult> = {};
  private added: Record<string, CachedResult> = {};
  /** Results loaded (results.json and added.jsonl lines, repeated keys counted once per line). */
  private loaded = 0;
  private stamps: Record<string, FileStamp> = {};
  private nextStamps: Record<string, FileStamp> = {};
  /** When this run started looking at files (a file changed after it is not stamped as known). */
  private readonly startedAt = Date.now();
  /** Code fingerprint and the content model's configuration: part of every key. */
  readonly salt: string;
  private readonly dir: string;

  constructor(root: string, modelFingerprint: string) {
    // Hashed once: the salt goes into every file's key, and the configuration's text is long.
    this.salt = createHash('sha1')
      .update(`${libFingerprint()}\u0000${modelFingerprint}`)
      .digest('hex');
    this.dir = join(root, CACHE_DIR);
    // A damaged part of the cache is only a slower run.
    try {
      this.entries = JSON.parse(readFileSync(join(this.dir, RESULTS), 'utf8')) as Record<
        string,
        CachedResult
      >;
      this.loaded = Object.keys(this.entries).length;
    } catch {
      this.entries = {};
    }
    if (existsSync(join(this.dir, ADDED))) {
      for (const line of readFileSync(join(this.dir, ADDED), 'utf8').split('\n')) {
        if (!line) continue;
        try {
          const [key, value] = JSON.parse(line) as [string, CachedResult];
          this.entries[key] = value;
          this.loaded++;
        } catch {
          // a line cut short by an interrupted run
        }
      }
    }
    try {
      const record = JSON.parse(readFileSync(join(this.dir, FILES), 'utf8')) as FilesRecord;
      if (record.salt === this.salt) this.stamps = record.files;
    } catch {
      this.stamps = {};
    }
  }

  /** The keys of every stored result. */
  keys(): string[] {
    return Object.keys(this.entries);
  }

  has(key: string): boolean {
    return Object.hasOwn(this.entries, key);
  }

  /**
   * The key of `file`'s text without reading it, when its size and times are those recorded with
   * a key the cache holds; undefined when the file must be read.
   */
  knownKey(file: string, stats: Stats): string | undefined {
    const s = this.stamps[file];
    if (!s || s[0] !== stats.size || s[1] !== stats.mtimeMs || s[2] !== stats.ctimeMs) return;
    return this.has(s[3]) ? s[3] : undefined;
  }

  /** Records that `file`, with these size and times, held the text of `key` (unless changed too recently to trust). */
  stamp(file: string, stats: Stats, key: string): void {
    if (Math.max(stats.mtimeMs, stats.ctimeMs) < this.startedAt - RACY_MS)
      this.nextStamps[file] = [stats.size, stats.mtimeMs, stats.ctimeMs, key];
  }

  get(key: string): CachedResult | undefined {
    const hit = this.entries[key];
    if (hit) this.used[key] = hit;
    return hit;
  }

  set(key: string, value: CachedResult): void {
    this.used[key] = value;
    if (!this.has(key)) this.added[key] = value;
  }

  /**
   * Keeps the results this run used (deleted or changed files drop out): appended when few are
   * new and few went out of use, otherwise written whole; each file written atomically.
   */
  save(): void {
    mkdirSync(this.dir, { recursive: true });
    const used = Object.keys(this.used).length;
    const added = Object.entries(this.added);
    const unused = this.loaded - (used - added.length);
    if (unused + added.length > used / 5 || !existsSync(join(this.dir, RESULTS))) {
      writeAtomically(join(this.dir, RESULTS), JSON.stringify(this.used));
      rmSync(join(this.dir, ADDED), { force: true });
    } else if (added.length) {
      appendFileSync(
        join(this.dir, ADDED),
        added.map((entry) => `${JSON.stringify(entry)}\n`).join(''),
      );
    }
    const files = JSON.stringify({ salt: this.salt, files: this.nextStamps } satisfies FilesRecord);
    if (files !== JSON.stringify({ salt: this.salt, files: this.stamps }))
      writeAtomically(join(this.dir, FILES), files);
  }
}

function writeAtomically(file: string, text: string): void {
  writeFileSync(`${file}.tmp`, text);
  renameSync(`${file}.tmp`, file);
}
