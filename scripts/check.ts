/**
 * npm run check [-- --format json] [--root DIR] [files…]
 * Validates every notice against the content model and prints every problem, Chinese first.
 * Exit 0 when clean, 1 when any problem is found, 2 when the check itself cannot run.
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { availableParallelism } from 'node:os';
import { checkNotices, loadSiteConfig } from '../src/lib/content/project';
import { formatProblemsJson, formatProblemsText } from '../src/lib/content/problem';

const { values, positionals } = parseArgs({
  options: {
    format: { type: 'string', default: 'text' },
    root: { type: 'string', default: '.' },
  },
  allowPositionals: true,
});

const root = resolve(values.root);
try {
  const config = await loadSiteConfig(root);
  const only = positionals.length ? positionals.map((p) => resolve(p)) : undefined;
  const { notices, problems, warnings, threads } = await checkNotices(root, config, only, {
    workers: availableParallelism(),
  });
  if (values.format === 'json') {
    process.stdout.write(formatProblemsJson([...problems, ...warnings]) + '\n');
  } else if (problems.length) {
    const files = new Set(problems.map((p) => p.file)).size;
    console.error(formatProblemsText([...problems, ...warnings]));
    console.error(
      `\n检查未通过：${files} 个文件共 ${problems.length} 处问题（共检查 ${notices.length} 篇${threads ? `，${threads} 个线程并行检查` : ''}）。`,
    );
    console.error(
      `Check failed: ${problems.length} problems in ${files} files (${notices.length} notices checked).`,
    );
  } else {
    if (warnings.length)
      console.error(
        `${formatProblemsText(warnings)}\n\n${warnings.length} 处警告（不影响发布，建议处理）。\n`,
      );
    console.log(
      `检查通过：${notices.length} 篇公开信息均符合内容模型。${threads ? `（${threads} 个线程并行检查）` : ''}`,
    );
    console.log(`Check passed: ${notices.length} notices conform to the content model.`);
  }
  process.exitCode = problems.length ? 1 : 0;
} catch (err) {
  console.error(`检查无法运行：${(err as Error).message}`);
  console.error('The check could not run.');
  process.exitCode = 2;
}
