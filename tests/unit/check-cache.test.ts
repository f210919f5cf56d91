import { afterEach, describe, expect, it } from 'vitest';
import {
  appendFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
  type Stats,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CACHE_DIR, CheckCache, type CachedResult } from '../../src/lib/content/check-cache';

const result = (lead: string): CachedResult => ({
  data: null,
  problems: [],
  bodyLine: 1,
  lines: {},
  lead,
  images: [],
  refs: { attachments: [] },
  digests: { data: 'd', lead: 'l' },
});
const stats = (size: number, mtimeMs: number, ctimeMs = mtimeMs) =>
  ({ size, mtimeMs, ctimeMs }) as Stats;
const OLD = Date.now() - 60_000;

describe('the check cache', () => {
  const roots: string[] = [];
  const newRoot = () => {
    const root = mkdtempSync(join(tmpdir(), 'gongkai-check-cache-'));
    roots.push(root);
    return root;
  };
  afterEach(() => roots.splice(0).forEach((r) => rmSync(r, { recursive: true, force: true })));

  /** One run: every file's key looked up (or set), as checkNotices does, then saved. */
  function run(root: string, files: Record<string, string>): CheckCache {
    const cache = new CheckCache(root, 'model');
    for (const [file, key] of Object.entries(files)) {
      if (cache.has(key)) cache.get(key);
      else cache.set(key, result(`lead of ${key}`));
      cache.stamp(file, stats(key.length, OLD), key);
    }
    cache.save();
    return cache;
  }

  it('keeps what a run used, appending a few new results and rewriting when many went out of use', () => {
    const root = newRoot();
    const dir = join(root, CACHE_DIR);
    const ten = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`f${i}.md`, `k${i}`]));
    run(root, ten);
    expect(existsSync(join(dir, 'added.jsonl'))).toBe(false);
    // One file changed: its new result is appended, the old one stays until a rewrite.
    run(root, { ...ten, 'f3.md': 'k3b' });
    expect(readFileSync(join(dir, 'added.jsonl'), 'utf8').trim().split('\n')).toHaveLength(1);
    const third = new CheckCache(root, 'model');
    expect(third.get('k3b')?.lead).toBe('lead of k3b');
    expect(third.has('k3')).toBe(true);
    // Three more changed: 4 results out of use of 10 (more than a fifth): written whole, without them.
    run(root, { ...ten, 'f3.md': 'k3b', 'f4.md': 'k4b', 'f5.md': 'k5b', 'f6.md': 'k6b' });
    expect(existsSync(join(dir, 'added.jsonl'))).toBe(false);
    const after = new CheckCache(root, 'model');
    expect(after.keys().sort()).toEqual(
      ['k0', 'k1', 'k2', 'k3b', 'k4b', 'k5b', 'k6b', 'k7', 'k8', 'k9'].sort(),
    );
  });

  it('knows a file’s key without reading it only when its size and times are the recorded ones', () => {
    const root = newRoot();
    run(root, { 'a.md': 'ka' });
    const cache = new CheckCache(root, 'model');
    expect(cache.knownKey('a.md', stats(2, OLD))).toBe('ka');
    expect(cache.knownKey('a.md', stats(3, OLD))).toBeUndefined();
    expect(cache.knownKey('a.md', stats(2, OLD + 1))).toBeUndefined();
    // Same size and modification time, but changed (ctime moves on every write, and cannot be set back).
    expect(cache.knownKey('a.md', stats(2, OLD, OLD + 5))).toBeUndefined();
    expect(cache.knownKey('b.md', stats(2, OLD))).toBeUndefined();
    // Another checking code or configuration: no file is known.
    expect(new CheckCache(root, 'other model').knownKey('a.md', stats(2, OLD))).toBeUndefined();
  });

  it('does not record a file changed in the seconds before the run (timestamps are coarse)', () => {
    const root = newRoot();
    const cache = new CheckCache(root, 'model');
    cache.set('kr', result('r'));
    cache.stamp('recent.md', stats(2, Date.now()), 'kr');
    cache.save();
    expect(new CheckCache(root, 'model').knownKey('recent.md', stats(2, Date.now()))).toBe(
      undefined,
    );
  });

  it('a cut-short appended line or a damaged file is only a slower run', () => {
    const root = newRoot();
    const ten = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`f${i}.md`, `k${i}`]));
    run(root, ten);
    run(root, { ...ten, 'f9.md': 'kg' });
    const added = join(root, CACHE_DIR, 'added.jsonl');
    appendFileSync(added, '["kh",{"data":nu');
    const cache = new CheckCache(root, 'model');
    expect(cache.has('kg')).toBe(true);
    expect(cache.has('kh')).toBe(false);
    writeFileSync(join(root, CACHE_DIR, 'results.json'), '{broken');
    expect(new CheckCache(root, 'model').keys()).toEqual(['kg']);
  });
});
