import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { NOTICES_DIR } from './paths';
import type { Problem } from './problem';

/**
 * Files under the notices folder the build would skip without a word because of their name:
 * `a.MD`, `a.markdown`, and Notepad's `a.md.txt` (or a plain `a.txt`). Each is named with the name
 * it should have.
 */
const SHOULD_BE: Array<[RegExp, (name: string) => string]> = [
  [/\.(md|mdx)\.txt$/i, (n) => n.replace(/\.(md|mdx)\.txt$/i, (_, ext: string) => `.${ext.toLowerCase()}`)],
  [/\.markdown$/i, (n) => n.replace(/\.markdown$/i, '.md')],
  [/\.(md|mdx)$/i, (n) => n.replace(/\.(md|mdx)$/i, (_, ext: string) => `.${ext.toLowerCase()}`)],
  [/\.txt$/i, (n) => n.replace(/\.txt$/i, '.md')],
];

export function strayNoticeFiles(root: string): Problem[] {
  const out: Problem[] = [];
  const base = join(root, NOTICES_DIR);
  const walk = (d: string) => {
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name.startsWith('_')) continue;
      const full = join(d, e.name);
      if (e.isDirectory()) {
        walk(full);
        continue;
      }
      if (/\.mdx?$/.test(e.name)) continue; // a notice
      const rule = SHOULD_BE.find(([re]) => re.test(e.name));
      if (!rule) continue;
      const file = relative(root, full).split(sep).join('/');
      const wanted = rule[1](e.name);
      out.push({
        file, line: null, field: 'file', label: '文件名', value: e.name, expected: wanted, severity: 'warning',
        message: `文件「${e.name}」不会发布：公开信息文件的扩展名须为小写的 .md 或 .mdx，请改名为「${wanted}」`,
        messageEn: `"${e.name}" is not published: notice files end in lowercase .md or .mdx; rename it to "${wanted}"`,
      });
    }
  };
  walk(base);
  return out;
}
