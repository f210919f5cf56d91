import { mkdirSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listDist, quickListing, saveListing } from '../../src/lib/build/dist-listing';
import { distFingerprint, fingerprintOf, updateSnapshot } from '../../src/lib/build/incremental';

const made: string[] = [];
afterEach(() => made.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A built folder and a work folder; every folder's time set an hour back (not racy). */
function site(): { dist: string; work: string } {
  const root = mkdtempSync(join(tmpdir(), 'gongkai-listing-'));
  made.push(root);
  const dist = join(root, 'dist');
  for (const f of ['index.html', 'notices/a/index.html', 'notices/b/index.html', '_astro/x.css']) {
    mkdirSync(join(dist, f, '..'), { recursive: true });
    writeFileSync(join(dist, f), f);
  }
  const hourAgo = new Date(Date.now() - 3600_000);
  for (const d of ['notices/a', 'notices/b', 'notices', '_astro', ''])
    utimesSync(join(dist, d), hourAgo, hourAgo);
  mkdirSync(join(root, 'work'));
  return { dist, work: join(root, 'work') };
}

describe('dist/ listing', () => {
  it('read back by stats, it gives what a whole walk gives', () => {
    const { dist, work } = site();
    saveListing(work, listDist(dist));
    const quick = quickListing(dist, work)!;
    expect(quick).not.toBeNull();
    expect(fingerprintOf(quick.files)).toBe(distFingerprint(dist));
    // A file rewritten in place: the same files, its new size and time.
    writeFileSync(join(dist, 'notices/a/index.html'), 'changed by hand');
    const after = quickListing(dist, work)!;
    expect(fingerprintOf(after.files)).toBe(distFingerprint(dist));
    expect(fingerprintOf(after.files)).not.toBe(fingerprintOf(quick.files));
  });

  it('is not trusted once a file or folder was added or removed (the walk is needed)', () => {
    for (const change of [
      (d: string) => writeFileSync(join(d, 'notices/a/evil.html'), '博彩'),
      (d: string) => mkdirSync(join(d, 'notices/c')),
      (d: string) => rmSync(join(d, 'notices/b'), { recursive: true }),
      (d: string) => rmSync(join(d, '_astro/x.css')),
    ]) {
      const { dist, work } = site();
      saveListing(work, listDist(dist));
      change(dist);
      expect(quickListing(dist, work)).toBeNull();
    }
  });

  it('reads again a folder changed too shortly before the listing was written, even if its time was put back', () => {
    const { dist, work } = site();
    const now = new Date();
    utimesSync(join(dist, 'notices/a'), now, now);
    saveListing(work, listDist(dist));
    const time = statSync(join(dist, 'notices/a')).mtime;
    writeFileSync(join(dist, 'notices/a/evil.html'), '博彩');
    utimesSync(join(dist, 'notices/a'), time, time);
    expect(quickListing(dist, work)).toBeNull();
  });

  it('kept up to date by an incremental build, it is trusted at the next one', () => {
    const { dist, work } = site();
    const listing = listDist(dist);
    rmSync(join(dist, 'notices/a'), { recursive: true });
    mkdirSync(join(dist, 'notices/a/files'), { recursive: true });
    writeFileSync(join(dist, 'notices/a/index.html'), 'new');
    writeFileSync(join(dist, 'notices/a/files/x.pdf'), 'pdf');
    writeFileSync(join(dist, 'feed.xml'), 'feed');
    updateSnapshot(listing.files, dist, ['notices/a', 'feed.xml'], listing.dirs);
    saveListing(work, listing);
    // The folders just written are racy: read again, and found as listed.
    const quick = quickListing(dist, work)!;
    expect(quick).not.toBeNull();
    expect(fingerprintOf(quick.files)).toBe(distFingerprint(dist));
    expect([...quick.dirs.keys()].sort()).toEqual([...listDist(dist).dirs.keys()].sort());
  });
});
