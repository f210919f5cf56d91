/**
 * What scraping leaves behind that is not the notice: page chrome, pinyin annotations, empty
 * table debris, related-links lists and reposting disclaimers.
 */

const TONE = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ';
/** `系統(tǒng)`: a pinyin reading in brackets right after a Han character, with at least one tone mark. */
const PINYIN = new RegExp(
  `(?<=\\p{Script=Han})\\((?=[a-zü${TONE}]*[${TONE}])[a-zü${TONE}]{1,7}\\)`,
  'gu',
);

export function removePinyinDebris(text: string): string {
  return text.replace(PINYIN, '');
}

/** Whole lines that are page furniture, never content. */
const CHROME_LINES: RegExp[] = [
  /^首页$/,
  /^(?:首页\s*)?>\s*\S+(?:\s*>\s*\S+)+$/, // breadcrumbs: 首页 >政务公开>建议提案>…
  /^(?:【?\s*)?打印(?:本页)?\s*(?:】?\s*【?\s*)?关闭(?:窗口)?(?:\s*】)?$/,
  /^(?:\|\s*)+$/, // empty table debris: |||||, | |||||
  /^供图\s*[/／]/, // photo credits
  /^(?:图|摄影|图片来源)\s*[/／:：]/,
  /^(?:分享到|扫一扫)/,
];

export function isChromeLine(line: string): boolean {
  const t = line.trim();
  return CHROME_LINES.some((re) => re.test(t));
}

/** Headings after which everything is related links, not the notice. */
const TRAILING_SECTIONS = /^(?:猜你喜欢|相关阅读|相关链接|相关文章|热点推荐|延伸阅读)\s*$/;
/** A reposting site's disclaimer paragraph. */
const DISCLAIMER = /^(?:免责声明|免責聲明)[:：]/;

/** Drops a trailing related-links list and disclaimer paragraphs; returns what is left. */
export function cutTrailingSections(lines: string[]): string[] {
  const end = lines.findIndex((l) => TRAILING_SECTIONS.test(l.trim()));
  const kept = end >= 0 ? lines.slice(0, end) : lines;
  return kept.filter((l) => !DISCLAIMER.test(l.trim()));
}

/** `|||||` left at the end of a line by a scraped layout table. */
export function stripTableDebris(line: string): string {
  return line.replace(/(?:\s*\|){2,}\s*$/, '').replace(/^\s*\|\s*$/, '');
}
