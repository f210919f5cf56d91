import { stringify } from 'yaml';
import { parseIndexNo } from '../model/index-no';
import { REPLY_KIND_CATEGORY } from '../model/notice-schema';

/**
 * `npm run new`: the next free 索引号 and the text of a new notice that passes the check as
 * written. Serials are never reused: the next one follows the highest ever used for that code and
 * year (a gap may be a withdrawn notice whose 索引号 must stay retired).
 */
export function nextIndexNo(existing: readonly string[], code: string, year: number): string {
  const serials = existing
    .map(parseIndexNo)
    .filter((i): i is NonNullable<typeof i> => i !== null && i.code === code && i.year === year)
    .map((i) => i.serial);
  if (serials.length === 0) return `${code}/${year}-00001`;
  const highest = serials.reduce((a, b) => (Number(b) > Number(a) ? b : a));
  const next = String(Number(highest) + 1);
  if (next.length > 6) throw new Error(`${code} 在 ${year} 年的流水号已用完（最多 6 位）`);
  // Keep the width editors already use for this series (5 digits by default).
  return `${code}/${year}-${next.padStart(Math.max(highest.length, 1), '0')}`;
}

export interface NewNoticeInput {
  category: string;
  issuer: string;
  indexNo: string;
  date: string;
  title?: string;
  reply?: { session?: string; number?: string; addressee?: string };
}

const TODO = '（待填写）';

/** The notice text; anything the editor has not said yet is a visible placeholder and the notice a draft. */
export function newNoticeSource(input: NewNoticeInput): { source: string; placeholders: string[] } {
  const placeholders: string[] = [];
  const kind = (Object.entries(REPLY_KIND_CATEGORY).find(([, c]) => c === input.category)?.[0] ?? null) as '建议' | '提案' | null;
  const reply = kind
    ? {
        kind,
        session: input.reply?.session || (placeholders.push('reply.session'), TODO),
        number: input.reply?.number || (placeholders.push('reply.number'), TODO),
        addressee: input.reply?.addressee || (placeholders.push('reply.addressee'), TODO),
      }
    : undefined;
  let title = input.title;
  if (!title && kind && input.reply?.session && input.reply.number) title = `对${input.reply.session}第${input.reply.number}号${kind}的答复`;
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
    // Placeholders keep the notice off the site until they are filled in.
    ...(placeholders.length ? { draft: true } : {}),
  };
  const salutation = kind && input.reply?.addressee ? `${input.reply.addressee}${kind === '建议' ? '代表' : '委员'}：\n\n` : '';
  return { source: `---\n${stringify(data, { lineWidth: 0 })}---\n\n${salutation}（在此撰写正文）\n`, placeholders };
}
