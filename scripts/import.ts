/**
 * npm run import -- <file|dir>... [--out DIR] [--meta FILE] [--dry-run] [--root DIR]
 * Scraped legacy pages → notices. A page imports completely and passes the content model, or
 * nothing is written for it. Exit 0 when every page imported, 1 otherwise.
 */
import { parseArgs } from 'node:util';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { listMarkdownFiles, loadSiteConfig, scanIndexNos } from '../src/lib/content/project';
import { NOTICES_DIR } from '../src/lib/content/paths';
import { createNoticeSchema } from '../src/lib/model/notice-schema';
import { noticeModel } from '../src/lib/model/notice-model';
import { publicFiles } from '../src/lib/content/public-files';
import { importPage, type ImportContext } from '../src/lib/legacy/import-page';
import { parseMetaFile, type MetaFile } from '../src/lib/legacy/meta-file';

const { values, positionals } = parseArgs({
  options: {
    out: { type: 'string' },
    meta: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    root: { type: 'string', default: '.' },
  },
  allowPositionals: true,
});

const root = resolve(values.root);
const out = resolve(values.out ?? join(root, NOTICES_DIR));
if (positionals.length === 0) {
  console.error('用法：npm run import -- <文件或目录>... [--out 目录] [--meta 文件] [--dry-run]');
  process.exit(2);
}

/** Inputs in a stable order: files as given, folders' *.txt files sorted by name. */
function listInputs(args: string[]): string[] {
  const files: string[] = [];
  for (const a of args) {
    const p = resolve(a);
    if (!existsSync(p)) {
      files.push(p); // reported as missing below
    } else if (statSync(p).isDirectory()) {
      files.push(
        ...readdirSync(p)
          .filter((f) => f.endsWith('.txt'))
          .sort()
          .map((f) => join(p, f)),
      );
    } else files.push(p);
  }
  return files;
}

let meta: MetaFile = new Map();
try {
  if (values.meta) meta = parseMetaFile(readFileSync(values.meta, 'utf8'), values.meta);
  const config = await loadSiteConfig(root);
  const model = noticeModel(config);
  const ctx: ImportContext = {
    schema: createNoticeSchema(model),
    model,
    // 索引号 already used in the output folder → the file using it.
    taken: new Map(
      [...scanIndexNos(out, listMarkdownFiles(out))].map(([file, indexNo]) => [indexNo, file]),
    ),
    publicFiles: publicFiles(root),
  };
  const inputs = listInputs(positionals);
  const showProgress = inputs.length >= 50;
  let imported = 0;
  const failed: string[] = [];
  for (const [i, file] of inputs.entries()) {
    const name = basename(file);
    if (showProgress && i % 50 === 0) process.stderr.write(`进度 ${i}/${inputs.length}\n`);
    if (!existsSync(file) || !statSync(file).isFile()) {
      console.error(`✗ ${name}：文件不存在或不是普通文件`);
      failed.push(name);
      continue;
    }
    const outcome = importPage(readFileSync(file), name, meta.get(name), ctx);
    if (!outcome.ok) {
      console.error(`✗ ${name}：未导入（不写入任何文件）`);
      for (const p of outcome.problems) console.error(`    ${p}`);
      for (const n of outcome.notes) console.error(`    提示：${n}`);
      failed.push(name);
      continue;
    }
    const target = join(out, outcome.path);
    ctx.taken.set(outcome.content.match(/^indexNo: (.+)$/m)![1]!, outcome.path);
    if (values['dry-run']) {
      console.log(
        `── ${name} → ${relative(process.cwd(), target)}（演练，未写入）\n${outcome.content}`,
      );
    } else {
      // Write beside the target and rename: a reader never sees half a file.
      mkdirSync(dirname(target), { recursive: true });
      const tmp = `${target}.tmp-${process.pid}`;
      writeFileSync(tmp, outcome.content);
      renameSync(tmp, target);
      console.log(
        `✓ ${name} → ${relative(process.cwd(), target)}${outcome.supplied.length ? `（编辑补充：${outcome.supplied.join('、')}）` : ''}`,
      );
    }
    for (const n of outcome.notes) console.log(`    提示：${n}`);
    imported++;
  }
  console.log(
    `\n导入完成：成功 ${imported} 个，失败 ${failed.length} 个（共 ${inputs.length} 个）。${values['dry-run'] ? '（演练模式，没有写入文件）' : ''}`,
  );
  console.log(`Import: ${imported} imported, ${failed.length} failed of ${inputs.length}.`);
  process.exitCode = failed.length ? 1 : 0;
} catch (err) {
  console.error(`导入无法运行：${(err as Error).message}`);
  process.exitCode = 2;
}
