import type { NoticeData } from '../model/notice-schema';

type Reply = NonNullable<NoticeData['reply']>;

/**
 * The rows of a reply's information table: who proposed it (领衔 and 联名 deputies, or the
 * proposing body of a collective proposal), how this office handles it, and the result class by
 * the site's own scheme. 编号 shows as written: 温138 is not 第 温138 号.
 */
export function replyRows(
  reply: Reply,
  resultClasses: ReadonlyMap<string, string>,
): Array<[string, string | undefined]> {
  const person = reply.kind === '建议' ? '代表' : '委员';
  const proposers: Array<[string, string | undefined]> =
    reply.proposerType === '集体'
      ? [['提出单位', reply.addressee]]
      : reply.proposerType === '联名'
        ? [
            [`领衔${person}`, reply.addressee],
            [`联名${person}`, reply.coSigners?.join('、')],
          ]
        : [[person, reply.addressee]];
  const label = reply.resultClass ? resultClasses.get(reply.resultClass) : undefined;
  return [
    ['会议', reply.session],
    ['编号', reply.number],
    ...proposers,
    ['提出方式', reply.proposerType],
    [reply.kind === '建议' ? '建议题目' : '提案题目', reply.subject],
    ['办理方式', reply.role],
    [
      '办理结果类别',
      reply.resultClass ? `${reply.resultClass} 类（${label ?? '未在站点配置中说明'}）` : undefined,
    ],
  ];
}
