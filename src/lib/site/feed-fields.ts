import type { PublishedNoticeData } from '../model/notice-schema';

const xml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * A feed item's metadata as RSS 2.0 elements: dc:identifier (索引号), dc:creator (发布机构),
 * dc:date (发文日期), and <category domain="…"> for each classifying field the notice has.
 */
export function feedItemFields(
  n: PublishedNoticeData,
  resultClasses: ReadonlyMap<string, string>,
): string {
  const categories: Array<[string, string | undefined]> = [
    ['组配分类', n.category],
    ['文号', n.docNo],
    ['文件类型', n.docType],
    ['有效性', n.validity],
    ['施行日期', n.effectiveFrom],
    ['有效期至', n.expiresOn],
    ['废止日期', n.repealedOn],
    ...(n.replaces ?? []).map((r): [string, string] => ['替代的文件', r]),
    ...(n.interprets ?? []).map((r): [string, string] => ['解读的文件', r]),
    ['会议', n.reply?.session],
    ['编号', n.reply?.number],
    ['提出方式', n.reply?.proposerType],
    ['办理方式', n.reply?.role],
    [
      '办理结果类别',
      n.reply?.resultClass &&
        `${n.reply.resultClass}${resultClasses.has(n.reply.resultClass) ? `（${resultClasses.get(n.reply.resultClass)}）` : ''}`,
    ],
  ];
  return [
    `<dc:identifier>${xml(n.indexNo)}</dc:identifier>`,
    `<dc:creator>${xml(n.issuer)}</dc:creator>`,
    `<dc:date>${xml(n.date)}</dc:date>`,
    ...categories
      .filter((c): c is [string, string] => !!c[1])
      .map(([domain, value]) => `<category domain="${xml(domain)}">${xml(value)}</category>`),
  ].join('');
}
