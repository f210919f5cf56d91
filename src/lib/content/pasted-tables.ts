import { inCodeFence } from '../markdown/code-fences';

/**
 * A table pasted from Excel (or WPS) arrives as lines of tab-separated cells; Markdown renders it
 * as one run-on paragraph. Found here, with the same table as a Markdown pipe table to paste back.
 */
export interface PastedTable {
  /** 1-based file lines of its first and last row. */
  from: number;
  to: number;
  markdown: string;
}

export function pastedTables(body: string, bodyLine: number): PastedTable[] {
  if (!body.includes('\t')) return [];
  const out: PastedTable[] = [];
  const lines = body.split('\n');
  const code = inCodeFence(lines);
  let run: string[][] = [];
  let start = 0;
  const flush = (end: number) => {
    if (run.length >= 2) {
      const width = run[0]!.length;
      const row = (cells: string[]) =>
        `| ${cells.map((c) => c.trim().replace(/\|/g, '\\|')).join(' | ')} |`;
      const markdown = [
        row(run[0]!),
        row(Array.from({ length: width }, () => '---')),
        ...run.slice(1).map(row),
      ].join('\n');
      out.push({ from: bodyLine + start, to: bodyLine + end - 1, markdown });
    }
    run = [];
  };
  lines.forEach((text, i) => {
    const cells =
      !code[i] && !/^\s/.test(text) && text.includes('\t')
        ? text.replace(/\r$/, '').split('\t')
        : null;
    if (cells && cells.length >= 2 && (run.length === 0 || cells.length === run[0]!.length)) {
      if (run.length === 0) start = i;
      run.push(cells);
      return;
    }
    flush(i);
    if (cells && cells.length >= 2) {
      start = i;
      run.push(cells);
    }
  });
  flush(lines.length);
  return out;
}
