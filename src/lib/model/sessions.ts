/**
 * 会议 names such as 区十届人大三次会议, 省十四届人大二次会议, 市政协十四届二次会议: the body
 * (区人大, 市政协 …), the term (届) and the sitting (次). Listings order sittings as they happened
 * — 一次 before 二次, 九届 before 十届 — not by how many replies each has.
 */
export interface SessionOrder {
  /** The name without its numbers: which body meets (区人大, 市政协 …). */
  body: string;
  term: number;
  sitting: number;
}

const DIGIT: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 一 … 九十九 (and Arabic digits) as a number; NaN for anything else. */
export function chineseNumber(text: string): number {
  if (/^\d+$/.test(text)) return Number(text);
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(text);
  if (!m || text === '') return NaN;
  if (!m[2]) return m[1] && !m[3] ? DIGIT[m[1]]! : NaN;
  return (m[1] ? DIGIT[m[1]]! : 1) * 10 + (m[3] ? DIGIT[m[3]]! : 0);
}

const NUMERAL = '[〇零一二三四五六七八九十两\\d]+';
const TERM = new RegExp(`(${NUMERAL})届`);
const SITTING = new RegExp(`(${NUMERAL})次(?:全体)?会议`);

export function sessionOrder(name: string): SessionOrder | null {
  const term = TERM.exec(name);
  const sitting = SITTING.exec(name);
  if (!term || !sitting) return null;
  const t = chineseNumber(term[1]!);
  const s = chineseNumber(sitting[1]!);
  if (Number.isNaN(t) || Number.isNaN(s)) return null;
  return { body: name.replace(term[0], '').replace(sitting[0], ''), term: t, sitting: s };
}

/** Sittings in the order they met, each body's together; names that do not parse last, by name. */
export function compareSessions(a: string, b: string): number {
  const x = sessionOrder(a);
  const y = sessionOrder(b);
  if (!x || !y) return x ? -1 : y ? 1 : a.localeCompare(b, 'zh-Hans-CN');
  return x.body.localeCompare(y.body, 'zh-Hans-CN') || x.term - y.term || x.sitting - y.sitting;
}
