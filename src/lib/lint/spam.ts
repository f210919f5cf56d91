/**
 * Defacement lint: text that looks injected by an attacker — gambling, betting and casino terms,
 * and the SEO-spam shapes they travel in (seed 000 carries `188体育_188体育平台@:` where the
 * district's name belongs). Used by the importer (blocks the file) and by `npm run check`
 * (blocks the build), so spam committed later is caught too.
 *
 * Terms that are legitimate in government text on their own (体育, 彩票 as in 福利彩票, 澳门 the
 * place) are only flagged in the shapes spam uses.
 */
export interface SpamHit {
  /** 0-based offset in the text. */
  index: number;
  /** 1-based line in the text. */
  line: number;
  match: string;
  /** Which rule matched, in Chinese. */
  rule: string;
}

/** `needs`: text the rule cannot match without; texts lacking it skip the rule (speed). */
const RULES: Array<{ rule: string; pattern: RegExp; needs?: string | RegExp }> = [
  // Case only matters for the Latin parts, spelled out as [Aa] classes: the `i` flag made these
  // scans of every notice's text a third slower (measured on 20,000 generated notices).
  {
    rule: '博彩词语',
    pattern:
      /博彩|赌场|赌博网|网上赌|网赌|百家乐|老虎机|六合彩|时时彩|北京赛车[Pp][Kk]10|真人娱乐|真人视讯|娱乐城|电子游艺|彩金|投注(?!站)|下注|赔率|现金网|菠菜网/gu,
  },
  {
    rule: '博彩平台名',
    pattern:
      /皇冠体育|威尼斯人|太阳城|(?:澳门|新)葡京|金沙(?:娱乐|国际|城)|(?:\d{2,4}|[A-Za-z]{2,8}\d{0,4})(?:体育|娱乐|彩票|棋牌|电竞)(?:平台|官网|[Aa][Pp][Pp]|下载|注册|开户)?/gu,
  },
  {
    rule: '博彩平台名',
    pattern: /\b(?:bet365|188bet|12bet|sbobet|casino|betway)\b/giu,
    needs: /[Bb][Ee][Tt]|[Cc][Aa][Ss][Ii][Nn][Oo]/,
  },
  {
    rule: '博彩推广语',
    pattern:
      /(?:体育|娱乐|彩票|棋牌)(?:平台|官网)|(?:注册|开户|首存|充值)(?:送|即送|就送)|(?:官方|最新)(?:网址|入口)/gu,
  },
  // SEO spam glues keywords with underscores and ends them with @ or odd punctuation.
  // The lookbehind starts a match only where a run of Han/word characters starts (the leftmost
  // match always does): without it the regex rescans every long run of Chinese text from each of
  // its characters, quadratic in the run's length.
  {
    rule: '垃圾信息格式',
    pattern:
      /(?<![\p{Script=Han}\w])[\p{Script=Han}\w]+_[\p{Script=Han}\w]*\p{Script=Han}[\p{Script=Han}\w]*/gu,
    needs: '_',
  },
  { rule: '垃圾信息格式', pattern: /(?<=\p{Script=Han})@[:：]/gu, needs: '@' },
];

export function findSpam(text: string): SpamHit[] {
  const found: Array<{ start: number; end: number; rules: Set<string> }> = [];
  for (const { rule, pattern, needs } of RULES) {
    if (needs && !(typeof needs === 'string' ? text.includes(needs) : needs.test(text))) continue;
    for (const m of text.matchAll(pattern))
      found.push({ start: m.index, end: m.index + m[0].length, rules: new Set([rule]) });
  }
  if (!found.length) return [];
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const lineOf = (index: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= index) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  // One report per stretch of injected text: hits that overlap or touch (at most two
  // non-Han characters apart on one line, as in 188体育_188体育平台@:) are merged.
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: typeof found = [];
  for (const f of found) {
    const last = merged.at(-1);
    const gap = last ? text.slice(last.end, f.start) : '';
    if (last && f.start <= last.end + 2 && !/[\p{Script=Han}\n]/u.test(gap)) {
      last.end = Math.max(last.end, f.end);
      f.rules.forEach((r) => last.rules.add(r));
    } else merged.push(f);
  }
  const hits: SpamHit[] = merged.map((m) => ({
    index: m.start,
    line: lineOf(m.start),
    match: text.slice(m.start, m.end),
    rule: [...m.rules].join('、'),
  }));
  return hits.sort((a, b) => a.index - b.index);
}
