/**
 * Placeholder text that marks something still to be written. `npm run new` writes the first two;
 * editors type the others by hand. None of them may reach a published page.
 */
export const TODO = '（待填写）';
export const BODY_TODO = '（在此撰写正文）';

const PLACEHOLDER =
  /[（(]\s*(?:待填写|待补充|在此撰写正文|此处填写[^）)]{0,20}|请填写[^）)]{0,20})\s*[）)]/;

/** The placeholder a text holds, or null. */
export function placeholderIn(text: string): string | null {
  return PLACEHOLDER.exec(text)?.[0] ?? null;
}

/** Every line (1-based, counted from `firstLine`) of a body that holds a placeholder. */
export function placeholderLines(
  body: string,
  firstLine = 1,
): Array<{ line: number; value: string }> {
  const out: Array<{ line: number; value: string }> = [];
  if (!PLACEHOLDER.test(body)) return out;
  body.split('\n').forEach((text, i) => {
    const hit = placeholderIn(text);
    if (hit) out.push({ line: firstLine + i, value: hit });
  });
  return out;
}
