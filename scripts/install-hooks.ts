/**
 * npm run hooks: installs a git pre-commit hook that checks the staged notices (npm run check on
 * just those files). The same as adding this one line to .git/hooks/pre-commit:
 *   git diff --cached --name-only --diff-filter=ACMR -z -- 'src/content/notices/*.md' 'src/content/notices/*.mdx' | xargs -0 -r npm run -s check --
 */
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export const HOOK_LINE =
  "git diff --cached --name-only --diff-filter=ACMR -z -- 'src/content/notices/*.md' 'src/content/notices/*.mdx' | xargs -0 -r npm run -s check --";

const gitDir = execFileSync('git', ['rev-parse', '--git-path', 'hooks'], {
  encoding: 'utf8',
}).trim();
const hook = join(gitDir, 'pre-commit');
const existing = existsSync(hook) ? readFileSync(hook, 'utf8') : '#!/bin/sh\n';
if (existing.includes(HOOK_LINE)) {
  console.log(`pre-commit 钩子已安装：${hook}`);
} else {
  writeFileSync(hook, `${existing.trimEnd()}\n# gongkai: check staged notices\n${HOOK_LINE}\n`);
  chmodSync(hook, 0o755);
  console.log(`已安装 pre-commit 钩子：${hook}（提交前检查暂存的公开信息）`);
}
