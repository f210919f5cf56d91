/**
 * `npm run publish`: a draft becomes a published notice. Its `draft` line goes and `publishedAt`
 * is set to the moment of publishing (Beijing time), after `date`; nothing else in the file
 * changes. A notice already published keeps its 发布日期: that moment has passed.
 */
export type PublishOutcome =
  { changed: true; source: string; publishedAt: string } | { changed: false; reason: string };

const FRONTMATTER = /^(\uFEFF?---[ \t]*\r?\n)([\s\S]*?\r?\n)(---[ \t]*(?:\r?\n|$))/;

export function publishSource(source: string, now: string): PublishOutcome {
  const m = FRONTMATTER.exec(source);
  if (!m) return { changed: false, reason: '文件没有以 --- 开始和结束的文件头' };
  const lines = m[2]!.split('\n');
  const isDraft = lines.some((l) => /^draft:\s*["']?true["']?\s*(?:#.*)?\r?$/.test(l));
  const hasPublishedAt = lines.some((l) => /^publishedAt:/.test(l));
  if (!isDraft && hasPublishedAt)
    return { changed: false, reason: '已发布（有发布日期且不是草稿），发布日期保持不变' };
  const kept = lines.filter((l) => !/^draft:/.test(l) && !/^publishedAt:/.test(l));
  const at = kept.findIndex((l) => /^date:/.test(l));
  kept.splice(at >= 0 ? at + 1 : kept.length - 1, 0, `publishedAt: ${now}`);
  return {
    changed: true,
    source: m[1]! + kept.join('\n') + m[3]! + source.slice(m[0].length),
    publishedAt: now,
  };
}
