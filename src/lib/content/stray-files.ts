import type { Problem } from './problem';

/**
 * Files under the notices folder the build would skip without a word because of their name:
 * `a.MD`, `a.markdown`, and Notepad's `a.md.txt` (or a plain `a.txt`). Each is named with the name
 * it should have.
 */
const SHOULD_BE: Array<[RegExp, (name: string) => string]> = [
  [
    /\.(md|mdx)\.txt$/i,
    (n) => n.replace(/\.(md|mdx)\.txt$/i, (_, ext: string) => `.${ext.toLowerCase()}`),
  ],
  [/\.markdown$/i, (n) => n.replace(/\.markdown$/i, '.md')],
  [/\.(md|mdx)$/i, (n) => n.replace(/\.(md|mdx)$/i, (_, ext: string) => `.${ext.toLowerCase()}`)],
  [/\.txt$/i, (n) => n.replace(/\.txt$/i, '.md')],
];

/** The warning for a file under the notices folder that is not a notice only because of its name (null: any other file). */
export function strayFileProblem(file: string): Problem | null {
  const name = file.split('/').at(-1)!;
  const rule = SHOULD_BE.find(([re]) => re.test(name));
  if (!rule) return null;
  const wanted = rule[1](name);
  return {
    file,
    line: null,
    field: 'file',
    label: '文件名',
    value: name,
    expected: wanted,
    severity: 'warning',
    message: `文件「${name}」不会发布：公开信息文件的扩展名须为小写的 .md 或 .mdx，请改名为「${wanted}」`,
    messageEn: `"${name}" is not published: notice files end in lowercase .md or .mdx; rename it to "${wanted}"`,
  };
}
