import type { Answer } from './answer';

/** What the page says about an answer: the status line (read out by screen readers) and the list's heading. */
export function describeAnswer(a: Answer): { status: string; heading: string } {
  const plan = a.plan;
  if (plan.kind === 'empty') return { status: '请输入要查找的字词，或选择筛选条件。', heading: '' };
  if (plan.kind === 'punctuation')
    return { status: '请输入要查找的字词：只有标点符号，无法搜索。', heading: '' };
  const order = plan.request.sort === 'date' ? '按发文日期排列，最新的在前' : '';
  if (plan.kind === 'filters') {
    return a.ids.length
      ? {
          status: `按所选条件共有 ${a.ids.length} 条信息，最新的在前。`,
          heading: '符合筛选条件的信息',
        }
      : { status: '没有符合所选条件的信息。', heading: '' };
  }
  const quoted = (xs: readonly string[]) => xs.map((x) => `「${x}」`).join('');
  const filters = Object.entries(plan.request.filters);
  // With filters, the count is of the filtered notices: say so, and how to search everything.
  const within = filters.length
    ? `（筛选条件：${filters.map(([k, v]) => `${k}「${v}」`).join('、')}）`
    : '';
  const clear = filters.length ? '可把筛选条件改回“全部”，搜索全部信息。' : '';
  const typed = plan.chunks.map((c) => c.text);
  const what = typed.length > 1 ? `同时包含${quoted(typed)}` : `包含${quoted(typed)}`;
  const latin = plan.latin
    ? '本站按汉字、文号或索引号检索，拼音和英文单词查不到中文内容，请改用中文关键词。'
    : '';
  if (!a.partial) {
    return a.ids.length
      ? {
          status: `找到 ${a.ids.length} 条${what}的结果${within}${order ? `，${order}` : ''}。`,
          heading: '搜索结果',
        }
      : { status: `没有找到${what}的结果${within}。${clear}${latin}`, heading: '' };
  }
  const { missing, known, some } = a.partial;
  // "本站没有…" names words only when it says more than the query itself.
  const said =
    missing.length &&
    !(missing.length === plan.chunks.length && plan.chunks.every((c) => missing.includes(c.norm)));
  const lacks = said ? `（本站没有${quoted(missing)}）` : '';
  if (!a.ids.length)
    return { status: `没有找到${what}的结果${lacks}${within}。${clear}${latin}`, heading: '' };
  if (some) {
    return {
      status: `没有找到${what}的结果${within}：没有一条信息同时包含它们。下面列出包含其中部分关键词的信息，包含得多的在前，不计入搜索结果。`,
      heading: `只包含部分关键词（${quoted(known)}中的一部分）的信息`,
    };
  }
  return {
    status: `没有找到${what}的结果${lacks}${within}。下面列出只包含其中${quoted(known)}的信息，最新的在前，不计入搜索结果。`,
    heading: `只包含部分关键词（${quoted(known)}）的信息`,
  };
}
