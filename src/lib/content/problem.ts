/** One thing wrong with the content, as editors and tools read it. */
export interface Problem {
  /** Path relative to the project root, with forward slashes. */
  file: string;
  /** 1-based line in the file, null when no line can be named (e.g. a missing field). */
  line: number | null;
  /** Key path, e.g. `reply.kind`, `attachments[0].href`; `frontmatter` or `body` for whole-file problems. */
  field: string;
  /** The field's 中文 name. */
  label: string;
  /** The value found, as text; null when absent. */
  value: string | null;
  /** The form expected, in Chinese. */
  expected: string;
  /** Chinese message. */
  message: string;
  /** The same in English. */
  messageEn: string;
  /** A warning is reported but does not fail the check (absent: an error). */
  severity?: 'warning';
}

function show(value: string | null): string {
  if (value === null) return '（缺失）';
  const v = value.length > 80 ? value.slice(0, 77) + '…' : value;
  return JSON.stringify(v);
}

/** Human-readable report: Chinese first, English after, one block per problem. */
export function formatProblemsText(problems: readonly Problem[]): string {
  return problems
    .map((p) => {
      const where = p.line === null ? p.file : `${p.file}:${p.line}`;
      const warning = p.severity === 'warning';
      const lines = [
        `${where}  ${p.field}（${p.label}）`,
        `  ${warning ? '警告' : '错误'}：${p.message}`,
        `  发现：${show(p.value)}`,
      ];
      if (p.expected) lines.push(`  应为：${p.expected}`);
      lines.push(`  ${warning ? 'Warning' : 'Error'}: ${p.messageEn}`);
      return lines.join('\n');
    })
    .join('\n\n');
}

export function formatProblemsJson(problems: readonly Problem[]): string {
  return JSON.stringify(
    problems.map(({ file, line, field, label, value, expected, message, messageEn, severity }) => ({
      file,
      line,
      field,
      label,
      value,
      expected,
      message,
      messageEn,
      severity: severity ?? 'error',
    })),
    null,
    2,
  );
}

/** Stable order: by file, then line, then field, so two runs print the same report. */
export function sortProblems(problems: Problem[]): Problem[] {
  return problems.sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.field < b.field ? -1 : a.field > b.field ? 1 : 0),
  );
}
