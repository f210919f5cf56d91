/**
 * A valid notice as YAML lines, for tests to break one rule at a time.
 * Values are raw YAML (quote them yourself); `null` removes a key.
 */
export const VALID_FIELDS: Record<string, string> = {
  title: '对区十届人大三次会议第36号建议的答复',
  indexNo: '11330602056860309P/2024-96040',
  category: '人大代表建议',
  issuer: '区科技局',
  date: '2024-08-12',
  publishedAt: '2024-08-12T09:48:00+08:00',
  reply: '\n  kind: 建议\n  session: 区十届人大三次会议\n  number: "36"\n  addressee: 冯观萍',
};

export function noticeSource(
  overrides: Record<string, string | null> = {},
  body = '冯观萍代表：\n\n您的建议收悉，现答复如下。\n',
): string {
  const fields = { ...VALID_FIELDS, ...overrides };
  const lines = Object.entries(fields)
    .filter((entry): entry is [string, string] => entry[1] !== null)
    .map(([k, v]) => `${k}:${v.startsWith('\n') ? '' : ' '}${v}`);
  return `---\n${lines.join('\n')}\n---\n\n${body}`;
}

/** 1-based line of a top-level key in a notice's source. */
export function lineOfKey(source: string, key: string): number | null {
  const i = source.split('\n').findIndex((l) => l.startsWith(`${key}:`));
  return i < 0 ? null : i + 1;
}
