import { stringify } from 'yaml';
import {
  compileIndexNoFormat,
  formatIndexNo,
  MAX_SERIAL_DIGITS,
  parseIndexNo,
  plainCode,
  type IndexNoFormat,
} from '../model/index-no';
import { REPLY_KIND_CATEGORY } from '../model/notice-schema';
import { BODY_TODO, TODO } from '../model/placeholders';

/**
 * `npm run new`: the next free 索引号 in the issuer's form, and the text of a new draft. Serials
 * are never reused: the next one follows the highest ever used in the series — the same code and
 * year, when the form has them (a gap may be a withdrawn notice whose 索引号 must stay retired).
 */
export function nextIndexNo(
  existing: readonly string[],
  format: IndexNoFormat | string,
  code: string | undefined,
  date: string,
): string {
  const f = typeof format === 'string' ? compileIndexNoFormat(format) : format;
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const serials = existing
    .map((v) => parseIndexNo(v, f))
    .filter(
      (i): i is NonNullable<typeof i> =>
        i !== null &&
        (i.code === undefined || code === undefined || plainCode(i.code) === plainCode(code)) &&
        (i.year === undefined || i.year === year),
    )
    .map((i) => i.serial);
  const parts = { ...(code !== undefined ? { code } : {}), year, month, day };
  if (serials.length === 0) return formatIndexNo({ ...parts, serial: '00001' }, f);
  const highest = serials.reduce((a, b) => (Number(b) > Number(a) ? b : a));
  const next = String(Number(highest) + 1);
  if (next.length > MAX_SERIAL_DIGITS)
    throw new Error(`${code ?? ''} ${year} 年的流水号已用完（最多 ${MAX_SERIAL_DIGITS} 位）`);
  // Keep the width editors already use for this series (5 digits by default).
  return formatIndexNo({ ...parts, serial: next.padStart(Math.max(highest.length, 1), '0') }, f);
}

export interface NewNoticeInput {
  category: string;
  issuer: string;
  indexNo: string;
  date: string;
  title?: string;
  reply?: { session?: string; number?: string; addressee?: string };
}

/**
 * The notice text, always a draft: it has no 发布日期 until `npm run publish` stamps one. Anything
 * the editor has not said yet is a visible placeholder, which the check refuses to publish.
 */
export function newNoticeSource(input: NewNoticeInput): { source: string; placeholders: string[] } {
  const placeholders: string[] = [];
  const kind = (Object.entries(REPLY_KIND_CATEGORY).find(([, c]) => c === input.category)?.[0] ??
    null) as '建议' | '提案' | null;
  const reply = kind
    ? {
        kind,
        session: input.reply?.session || (placeholders.push('reply.session'), TODO),
        number: input.reply?.number || (placeholders.push('reply.number'), TODO),
        addressee: input.reply?.addressee || (placeholders.push('reply.addressee'), TODO),
      }
    : undefined;
  let title = input.title;
  // 第36号, but 温138号: a number with its own prefix takes no 第.
  if (!title && kind && input.reply?.session && input.reply.number)
    title = `对${input.reply.session}${/^\d/.test(input.reply.number) ? '第' : ''}${input.reply.number}号${kind}的答复`;
  if (!title) {
    placeholders.push('title');
    title = TODO;
  }
  const data: Record<string, unknown> = {
    title,
    indexNo: input.indexNo,
    category: input.category,
    issuer: input.issuer,
    date: input.date,
    ...(reply ? { reply } : {}),
    // A draft until `npm run publish`, which removes this line and stamps publishedAt.
    draft: true,
  };
  const salutation =
    kind && input.reply?.addressee
      ? `${input.reply.addressee}${kind === '建议' ? '代表' : '委员'}：\n\n`
      : '';
  return {
    source: `---\n${stringify(data, { lineWidth: 0 })}---\n\n${salutation}${BODY_TODO}\n`,
    placeholders,
  };
}
