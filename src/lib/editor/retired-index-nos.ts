import { spawnSync } from 'node:child_process';
import { NOTICES_DIR } from '../content/paths';

/**
 * Every 索引号 the notices have ever had in the project's git history — of notices since deleted
 * or renumbered too. A withdrawn notice's number stays retired: its URL is derived from it and
 * may be cited, so `npm run new` never hands it out again. Empty outside a git repository.
 */
export function historicIndexNos(root: string): string[] {
  const r = spawnSync(
    'git',
    ['-C', root, 'log', '--all', '--format=', '-p', '-G', '^indexNo:', '--', NOTICES_DIR],
    {
      encoding: 'utf8',
      maxBuffer: 512 * 1024 * 1024,
    },
  );
  if (r.status !== 0) return [];
  return [...r.stdout.matchAll(/^[-+]indexNo:\s*["']?([^"'\s#]+)/gm)].map((m) => m[1]!);
}
