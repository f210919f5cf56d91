/**
 * npm run publish -- FILE… [--root DIR]
 * Publishes drafts: removes `draft` and stamps `publishedAt` with the current Beijing time, then
 * runs every check on those files. If any check fails, every file is put back as it was.
 * Exit 0 when published, 1 when the check refused them, 2 when it cannot run.
 */
import { parseArgs } from 'node:util';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { checkNotices, loadSiteConfig } from '../src/lib/content/project';
import { formatProblemsText } from '../src/lib/content/problem';
import { nowInBeijing } from '../src/lib/model/dates';
import { publishSource } from '../src/lib/editor/publish-notice';

const { values, positionals } = parseArgs({
  options: { root: { type: 'string', default: '.' } },
  allowPositionals: true,
});
const root = resolve(values.root);
if (positionals.length === 0) {
  console.error('用法：npm run publish -- src/content/notices/2024/文件.md …');
  process.exit(2);
}

const now = nowInBeijing();
const originals = new Map<string, string>();
try {
  const missing = positionals.filter((p) => !existsSync(resolve(p)));
  if (missing.length) {
    console.error(
      `找不到文件：${missing.join('、')}（请写出文件的路径，如 src/content/notices/2024/文件名.md）。没有改动任何文件。`,
    );
    process.exit(2);
  }
  for (const p of positionals) {
    const file = resolve(p);
    const source = readFileSync(file, 'utf8');
    const outcome = publishSource(source, now);
    if (!outcome.changed) {
      console.log(`${relative(process.cwd(), file)}：${outcome.reason}`);
      continue;
    }
    originals.set(file, source);
    writeFileSync(file, outcome.source);
  }
  const config = await loadSiteConfig(root);
  const { problems } = await checkNotices(
    root,
    config,
    positionals.map((p) => resolve(p)),
  );
  if (problems.length) {
    for (const [file, source] of originals) writeFileSync(file, source);
    console.error(formatProblemsText(problems));
    console.error(
      `\n未发布：检查发现 ${problems.length} 处问题，文件已恢复原样。请修改后再运行 npm run publish。`,
    );
    console.error('Not published: the check found problems; the files are unchanged.');
    process.exitCode = 1;
  } else {
    for (const file of originals.keys())
      console.log(`已发布：${relative(process.cwd(), file)}（发布日期 ${now}）`);
    console.log('下一步：提交（git commit）并构建网站（npm run build）。');
  }
} catch (err) {
  for (const [file, source] of originals) writeFileSync(file, source);
  console.error(`发布无法进行：${(err as Error).message}（文件已恢复原样）`);
  process.exitCode = 2;
}
