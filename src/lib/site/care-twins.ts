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

const CLASS_ATTRIBUTE = ` class="${TWIN_CARE_CLASS}"`;

/**
 * The standard page and the care page of a twin page, in one pass over it (a notice page is read
 * once, whatever its size). Throws on a mark it does not know or a block left open, rather than
 * publish a page with a mark in it.
 */
export function splitTwin(html: string, carePrefix: string): Record<ReadingMode, string> {
  const out = { standard: [] as string[], care: [] as string[] };
  let only: ReadingMode | null = null;
  let at = 0;
  for (;;) {
    const mark = html.indexOf(MARK, at);
    const text = html.slice(at, mark === -1 ? undefined : mark);
    if (only !== 'care') out.standard.push(text);
    if (only !== 'standard') out.care.push(text);
    if (mark === -1) break;
    const end = html.indexOf(END, mark);
    const word = end === -1 ? '' : html.slice(mark + MARK.length, end);
    at = end + END.length;
    if (word === 'link') out.care.push(carePrefix);
    else if ((word === 'standard{' || word === 'care{') && !only)
      only = word === 'care{' ? 'care' : 'standard';
    else if (word === '}' && only) only = null;
    else if (
      word === 'class' &&
      !only &&
      html.startsWith(CLASS_ATTRIBUTE, mark - CLASS_ATTRIBUTE.indexOf(MARK))
    ) {
      // The attribute is the care page's only: the standard page has none.
      const before = CLASS_ATTRIBUTE.indexOf(MARK);
      const last = out.standard.length - 1;
      out.standard[last] = out.standard[last]!.slice(0, -before);
      out.care.push('care"');
      at += 1;
    } else
      throw new Error(
        `care twin: an unknown mark is left near "${stray(html, mark)}" (care-twins.ts)`,
      );
  }
  if (only) throw new Error(`care twin: a ${only} block is not closed (care-twins.ts)`);
  return { standard: out.standard.join(''), care: out.care.join('') };
}

function stray(html: string, at: number): string {
  return html.slice(Math.max(0, at - 40), at + 40).replace(/[\uE000\uE001]/g, '·');
}
