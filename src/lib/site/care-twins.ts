/**
 * Care twins without rendering twice. A build renders each reading page once, in the mode "twin",
 * which carries both modes: a link to a page starts with TWIN_LINK (nothing in standard mode,
 * /care in care mode), what only one mode shows is wrapped in that mode's marks (OnlyIn.astro), and
 * the care class of <html> is TWIN_CARE_CLASS. splitTwin() turns the page into the standard page
 * and its care twin, byte for byte what rendering each mode gives (tests/integration/care-twins).
 *
 * The marks are private-use characters around an ASCII word: Astro writes them as they are (it
 * escapes only & < > " '), and no notice text holds them (a private-use character stands for a rare
 * 汉字 in some offices' fonts, but never followed by "gk-").
 */
export type ReadingMode = 'standard' | 'care';

const MARK = '\uE000gk-';
const END = '\uE001';

/** Where inMode() puts the care prefix of a link in a twin page. */
export const TWIN_LINK = `${MARK}link${END}`;
/** The class attribute value of a twin page's <html>: "care" in care mode, no attribute in standard mode. */
export const TWIN_CARE_CLASS = `${MARK}class${END}`;

/** The marks around what only `mode` shows. */
export function onlyInMarks(mode: ReadingMode): { open: string; close: string } {
  return { open: `${MARK}${mode}{${END}`, close: `${MARK}}${END}` };
}

/** A text that differs between the modes (an attribute value, say); in a twin page, both in their marks. */
export function byMode(mode: ReadingMode | 'twin', standard: string, care: string): string {
  if (mode !== 'twin') return mode === 'care' ? care : standard;
  const [s, c] = [onlyInMarks('standard'), onlyInMarks('care')];
  return `${s.open}${standard}${s.close}${c.open}${care}${c.close}`;
}

/** Whether a rendered page is a twin, to be split. */
export function isTwin(html: string): boolean {
  return html.includes(MARK);
}

const BLOCK = new RegExp(`${MARK}(standard|care)\\{${END}([\\s\\S]*?)${MARK}\\}${END}`, 'g');

/** The page of one mode from a twin page. */
export function twinPage(html: string, mode: ReadingMode, carePrefix: string): string {
  const out = html
    .replace(BLOCK, (_, only: string, inner: string) => (only === mode ? inner : ''))
    .replaceAll(TWIN_LINK, mode === 'care' ? carePrefix : '')
    .replaceAll(` class="${TWIN_CARE_CLASS}"`, mode === 'care' ? ' class="care"' : '');
  // A mark left over is a template that marked something splitTwin does not know: fail, never publish it.
  if (out.includes(MARK))
    throw new Error(`care twin: an unknown mark is left near "${stray(out)}" (care-twins.ts)`);
  return out;
}

function stray(html: string): string {
  const at = html.indexOf(MARK);
  return html.slice(Math.max(0, at - 40), at + 40).replace(/[\uE000\uE001]/g, '·');
}
