import { existsSync, renameSync, rmSync } from 'node:fs';

/**
 * Replaces `target` with `staging` by two renames on the same file system: the old tree is moved
 * aside first and only removed once the new one is in place, so at no point is `target` a
 * half-written tree. If the second rename fails the old tree is put back.
 */
export function swapInto(staging: string, target: string, aside: string): void {
  rmSync(aside, { recursive: true, force: true });
  const hadTarget = existsSync(target);
  if (hadTarget) renameSync(target, aside);
  try {
    renameSync(staging, target);
  } catch (err) {
    if (hadTarget) renameSync(aside, target);
    throw err;
  }
  rmSync(aside, { recursive: true, force: true });
}
