/**
 * Reply titles and their parts:
 *   对区十届人大三次会议第36号建议的答复              → 区十届人大三次会议, 36, 建议
 *   对省十四届人大二次会议温138号建议的答复            → 省十四届人大二次会议, 温138, 建议
 *   关于余姚市政协十四届二次会议第113号提案的答复      → 余姚市政协十四届二次会议, 113, 提案
 */
export interface ReplyTitle {
  session: string;
  number: string;
  kind: '建议' | '提案';
}

const REPLY_TITLE =
  /^(?:关于)?对?(?<session>\S+?会议)第?(?<number>[^\s第号]{1,12}?)号(?<kind>建议|提案)的答复$/u;

export function parseReplyTitle(title: string): ReplyTitle | null {
  const m = REPLY_TITLE.exec(title.replace(/\s+/g, ''));
  if (!m?.groups) return null;
  return {
    session: m.groups.session!,
    number: m.groups.number!,
    kind: m.groups.kind as ReplyTitle['kind'],
  };
}

/** `冯观萍代表:` / `徐建凤委员: 您提出的…` → the name, the role and whatever follows on the line. */
export function parseAddresseeLine(
  line: string,
): { name: string; role: '代表' | '委员'; rest: string } | null {
  const m = /^(?<name>\p{Script=Han}{2,4}?)(?<role>代表|委员)[:：]\s*(?<rest>.*)$/u.exec(
    line.trim(),
  );
  if (!m?.groups) return null;
  return { name: m.groups.name!, role: m.groups.role as '代表' | '委员', rest: m.groups.rest! };
}

/** The suggestion's or proposal's own title as the reply quotes it. */
export function findSubject(text: string): string | null {
  const quoted = /您提出的《(关于[^》]+)》/u.exec(text);
  if (quoted) return quoted[1]!;
  const plain = /您提出的(关于.+?的(?:建议|提案))收悉/u.exec(text);
  return plain ? plain[1]! : null;
}
