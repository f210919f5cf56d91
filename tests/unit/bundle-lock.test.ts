import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireBundleLock } from '../../src/lib/build/bundle-lock';

describe('the lock Astro processes take turns with', () => {
  it('lets one holder in at a time, the next once it is released', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'lock-')), 'bundle.lock');
    const order: string[] = [];
    const releaseFirst = await acquireBundleLock(dir);
    order.push('first in');
    const second = acquireBundleLock(dir).then((release) => {
      order.push('second in');
      release();
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(order).toEqual(['first in']);
    order.push('first out');
    releaseFirst();
    await second;
    expect(order).toEqual(['first in', 'first out', 'second in']);
    expect(existsSync(dir)).toBe(false);
  });

  it('is taken from a holder that ended without releasing it', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'lock-')), 'bundle.lock');
    // A process that has ended: its pid is no longer in use right after.
    const ended = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], {
      encoding: 'utf8',
    });
    mkdirSync(dir);
    writeFileSync(join(dir, 'pid'), ended.stdout.trim());
    const release = await acquireBundleLock(dir);
    expect(existsSync(dir)).toBe(true);
    release();
    expect(existsSync(dir)).toBe(false);
  });
});
