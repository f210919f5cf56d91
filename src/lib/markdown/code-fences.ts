/**
 * For each line, whether it is a code fence (``` or ~~~) or inside a fenced code block: text there
 * is code, not Markdown, so the body checks (images, pasted tables, import/export) pass it by.
 */
export function inCodeFence(lines: readonly string[]): boolean[] {
  let fence: string | null = null;
  return lines.map((text) => {
    const f = /^\s{0,3}(`{3,}|~{3,})/.exec(text)?.[1];
    if (f && (fence === null || f[0] === fence[0])) {
      fence = fence === null ? f : null;
      return true;
    }
    return fence !== null;
  });
}
