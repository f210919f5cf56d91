import { cutTrailingSections, isChromeLine, removePinyinDebris, stripTableDebris } from './debris';
import { parseHeaderLine } from './header';
import { findSubject, parseAddresseeLine, parseReplyTitle, type ReplyTitle } from './reply-title';
import { bodyToMarkdown, fullWidthPunctuation } from './body';
import { detectScript } from './script';
import { REPLY_KIND_CATEGORY } from '../model/notice-schema';

/**
 * What one scraped page carries, recognised from its text. Nothing here is invented: a field the
 * text does not state is absent, and the importer asks the editor for it.
 */
export interface ExtractedPage {
  fields: Record<string, unknown>;
  body: string;
  /** Notes for the editor about guesses the text forced (e.g. keywords without separators). */
  notes: string[];
}

/** A 文号 on its own line: 代字〔年份〕序号号 (any year bracket, repaired later), …令第N号, …公告YYYY年第N号. */
const DOC_NO_LINE =
  /^(?:\S{1,12}[〔[(（【]\d{4}[〕\])）】]第?\d+号|\S{1,20}令第\d+号|\S{1,20}公告\d{4}年第\d+号)$/u;
const PUBLISHED_LINE =
  /^发布日期\s*[:：]\s*(\d{4})\s*-\s*(\d{1,2})\s*-\s*(\d{1,2})\s+(\d{1,2})\s*:\s*(\d{2})/u;
const DATETIME_LINE = /^(\d{4})-(\d{2})-(\d{2})\s+(\d{2}):(\d{2})\s*(.*)$/u;
const ISSUE_LINE = /^(\S+)\s+(\d{4})年(\d{1,2})期$/u;
const KEYWORDS_LINE = /^关键词\s*[:：]\s*(.+)$/u;
const SOURCE_LINE = /^信息来源\s*[:：]\s*(.+)$/u;
const CONTACT_PERSON = /联系人\s*[:：]\s*(.+?)\s*(?=联系电话|$)/u;
const CONTACT_PHONE = /联系电话\s*[:：]\s*([\d\-—()（）\s]+\d)/u;
const CONTACT_UNIT_AND_PERSON = /^联系单位及联系人\s*[:：]\s*(\S+)\s+(\S+)$/u;
const SUBJECT_LINE = /^关于.+的(?:建议|提案)$/u;

const pad = (n: string) => n.padStart(2, '0');
const squeeze = (s: string) => s.replace(/\s+/g, '');

export function extractPage(input: string): ExtractedPage {
  const text = removePinyinDebris(input);
  const lines = cutTrailingSections(text.split('\n').map((l) => stripTableDebris(l.trimEnd())));
  const fields: Record<string, unknown> = {};
  const reply: Record<string, string> = {};
  const contact: Record<string, string> = {};
  const notes: string[] = [];
  const body: string[] = [];
  let title: string | null = null;
  let replyTitle: ReplyTitle | null = null;
  let titleIndex = -1;

  // The reply title may be split over two lines (seed 000); find it first so the lines are consumed.
  // A title on one line wins over one joined from two, so a letterhead line above it is not swallowed.
  const consumed = new Set<number>();
  for (const span of [1, 2]) {
    for (let i = 0; i + span <= lines.length && !replyTitle; i++) {
      const candidate = lines
        .slice(i, i + span)
        .map((l) => l.trim())
        .join('');
      const parsed = candidate.length <= 80 ? parseReplyTitle(candidate) : null;
      if (!parsed) continue;
      replyTitle = parsed;
      title = squeeze(candidate);
      titleIndex = i;
      for (let k = 0; k < span; k++) consumed.add(i + k);
    }
  }

  for (let i = 0; i < lines.length; i++) {
    if (consumed.has(i)) continue;
    const line = lines[i]!.trim();
    if (!line || isChromeLine(line)) {
      body.push('');
      continue;
    }
    const header = parseHeaderLine(line);
    if (header) {
      for (const [k, v] of Object.entries(header)) fields[k] ??= v;
      continue;
    }
    const published = PUBLISHED_LINE.exec(line);
    if (published) {
      const [, y, mo, d, h, mi] = published;
      fields.publishedAt = `${y}-${pad(mo!)}-${pad(d!)}T${pad(h!)}:${mi}:00+08:00`;
      continue; // the rest of the line is the view counter (浏览次数)
    }
    const stamp = body.every((b) => b === '') ? DATETIME_LINE.exec(line) : null;
    if (stamp) {
      const [, y, mo, d, h, mi] = stamp;
      fields.publishedAt ??= `${y}-${mo}-${d}T${h}:${mi}:00+08:00`;
      if (stamp[6]) notes.push(`署名「${stamp[6]}」未导入正文（为转载来源说明）`);
      continue;
    }
    const issue = ISSUE_LINE.exec(line);
    if (issue && body.every((b) => b === '')) {
      fields.source ??= line;
      continue;
    }
    const keywords = KEYWORDS_LINE.exec(line);
    if (keywords) {
      const terms = keywords[1]!.split(/[\s,，、;；]+/u).filter(Boolean);
      if (terms.length === 1)
        notes.push(`关键词「${terms[0]}」没有分隔符，无法可靠拆分；请在 --meta 中给出 keywords`);
      else fields.keywords = terms;
      continue;
    }
    const source = SOURCE_LINE.exec(line);
    if (source) {
      fields.source = source[1]!.trim();
      continue;
    }
    const unitPerson = CONTACT_UNIT_AND_PERSON.exec(line);
    if (unitPerson) {
      contact.unit = unitPerson[1]!;
      contact.name = unitPerson[2]!;
      continue;
    }
    if (/^联系(?:人|电话)\s*[:：]/u.test(line)) {
      const person = CONTACT_PERSON.exec(line);
      const phone = CONTACT_PHONE.exec(line);
      if (person) contact.name = squeeze(person[1]!);
      if (phone) contact.phone = squeeze(phone[1]!);
      continue;
    }
    if (DOC_NO_LINE.test(line) && !fields.docNo) {
      fields.docNo = line;
      continue;
    }
    // A standalone 关于…的建议 line before the reply title is the suggestion's own title.
    if (replyTitle && i < titleIndex && SUBJECT_LINE.test(line)) {
      reply.subject = fullWidthPunctuation(line);
      continue;
    }
    // Without a reply title, the first short line that is not a sentence is the title.
    if (
      !title &&
      body.every((b) => b === '') &&
      line.length <= 60 &&
      !/[。；]$/.test(line) &&
      !parseAddresseeLine(line)
    ) {
      title = line;
      continue;
    }
    const addressee = parseAddresseeLine(line);
    if (addressee && !reply.addressee) {
      reply.addressee = addressee.name;
      body.push(`${addressee.name}${addressee.role}：`);
      if (addressee.rest) body.push(addressee.rest);
      continue;
    }
    body.push(line);
  }

  if (title) fields.title = fullWidthPunctuation(title);
  if (replyTitle) {
    reply.kind = replyTitle.kind;
    reply.session = replyTitle.session;
    reply.number = replyTitle.number;
    // A reply's 组配分类 follows from its kind when the header does not state it.
    fields.category ??= REPLY_KIND_CATEGORY[replyTitle.kind];
  }
  const bodyText = body.join('\n');
  const subject = reply.subject ?? findSubject(fullWidthPunctuation(bodyText));
  if (subject) reply.subject = fullWidthPunctuation(subject);
  if (Object.keys(reply).length) fields.reply = orderReply(reply);
  if (Object.keys(contact).length)
    fields.contact = {
      ...(contact.name ? { name: contact.name } : {}),
      ...(contact.phone ? { phone: contact.phone } : {}),
      ...(contact.unit ? { unit: contact.unit } : {}),
    };
  if (detectScript(text) === 'zh-Hant') fields.lang = 'zh-Hant';
  return { fields, body: bodyToMarkdown(body), notes };
}

function orderReply(r: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of ['kind', 'session', 'number', 'addressee', 'subject', 'resultClass'])
    if (r[k] !== undefined) out[k] = r[k];
  return out;
}
