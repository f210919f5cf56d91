import type { PublishedNoticeData } from '../model/notice-schema';

/**
 * Open data: every published notice's metadata and URL, as JSON (content-model keys) and as CSV
 * (Chinese headers, UTF-8 with BOM and CRLF so Excel opens it correctly).
 */
export interface NoticeRecord {
  indexNo: string;
  title: string;
  category: string;
  issuer: string;
  date: string;
  publishedAt: string;
  docNo: string | null;
  disclosure: string;
  scope: string;
  keywords: string[];
  summary: string | null;
  source: string;
  lang: string;
  reply: {
    kind: string;
    session: string;
    number: string;
    addressee: string;
    proposerType: string;
    coSigners: string[];
    role: string;
    subject: string | null;
    resultClass: string | null;
    /** The label of resultClass in the site's scheme. */
    resultClassLabel: string | null;
  } | null;
  docType: string | null;
  validity: string | null;
  effectiveFrom: string | null;
  expiresOn: string | null;
  repealedOn: string | null;
  replaces: string[];
  /** The published notices whose `replaces` names this one (derived; editors write only `replaces`). */
  replacedBy: string[];
  interprets: string[];
  /** 附件: each with its absolute address, format and size in bytes (null for an external address). */
  attachments: Array<{ title: string; url: string; format: string; bytes: number | null }>;
  /** 联系方式. */
  contact: { name: string | null; phone: string | null; unit: string | null } | null;
  url: string;
}

/** An attachment as open data lists it: `href` made absolute against the site's address. */
export interface AttachmentFacts {
  title: string;
  href: string;
  format: string;
  bytes: number | null;
}

export function toRecord(
  n: PublishedNoticeData,
  url: string,
  resultClasses: ReadonlyMap<string, string> = new Map(),
  attachments: readonly AttachmentFacts[] = [],
  replacedBy: readonly string[] = [],
): NoticeRecord {
  return {
    indexNo: n.indexNo,
    title: n.title,
    category: n.category,
    issuer: n.issuer,
    date: n.date,
    publishedAt: n.publishedAt,
    docNo: n.docNo ?? null,
    disclosure: n.disclosure,
    scope: n.scope,
    keywords: n.keywords,
    summary: n.summary ?? null,
    source: n.source,
    lang: n.lang,
    reply: n.reply
      ? {
          kind: n.reply.kind,
          session: n.reply.session,
          number: n.reply.number,
          addressee: n.reply.addressee,
          proposerType: n.reply.proposerType,
          coSigners: n.reply.coSigners ?? [],
          role: n.reply.role,
          subject: n.reply.subject ?? null,
          resultClass: n.reply.resultClass ?? null,
          resultClassLabel: (n.reply.resultClass && resultClasses.get(n.reply.resultClass)) || null,
        }
      : null,
    docType: n.docType ?? null,
    validity: n.validity ?? null,
    effectiveFrom: n.effectiveFrom ?? null,
    expiresOn: n.expiresOn ?? null,
    repealedOn: n.repealedOn ?? null,
    replaces: n.replaces ?? [],
    replacedBy: [...replacedBy],
    interprets: n.interprets ?? [],
    attachments: attachments.map((a) => ({
      title: a.title,
      url: new URL(a.href, url).href,
      format: a.format,
      bytes: a.bytes,
    })),
    contact: n.contact
      ? {
          name: n.contact.name ?? null,
          phone: n.contact.phone ?? null,
          unit: n.contact.unit ?? null,
        }
      : null,
    url,
  };
}

export const CSV_COLUMNS: Array<[string, (r: NoticeRecord) => string]> = [
  ['索引号', (r) => r.indexNo],
  ['标题', (r) => r.title],
  ['组配分类', (r) => r.category],
  ['发布机构', (r) => r.issuer],
  ['发文日期', (r) => r.date],
  ['发布日期', (r) => r.publishedAt],
  ['文号', (r) => r.docNo ?? ''],
  ['公开方式', (r) => r.disclosure],
  ['公开范围', (r) => r.scope],
  ['关键词', (r) => r.keywords.join('；')],
  ['内容概述', (r) => r.summary ?? ''],
  ['信息来源', (r) => r.source],
  ['会议', (r) => r.reply?.session ?? ''],
  ['编号', (r) => r.reply?.number ?? ''],
  ['代表/委员', (r) => r.reply?.addressee ?? ''],
  ['提出方式', (r) => r.reply?.proposerType ?? ''],
  ['联名人', (r) => r.reply?.coSigners.join('；') ?? ''],
  ['办理方式', (r) => r.reply?.role ?? ''],
  ['建议/提案题目', (r) => r.reply?.subject ?? ''],
  [
    '办理结果类别',
    (r) =>
      r.reply?.resultClass
        ? `${r.reply.resultClass}${r.reply.resultClassLabel ? `（${r.reply.resultClassLabel}）` : ''}`
        : '',
  ],
  ['文件类型', (r) => r.docType ?? ''],
  ['有效性', (r) => r.validity ?? ''],
  ['施行日期', (r) => r.effectiveFrom ?? ''],
  ['有效期至', (r) => r.expiresOn ?? ''],
  ['废止日期', (r) => r.repealedOn ?? ''],
  ['替代的文件', (r) => r.replaces.join('；')],
  ['被替代为', (r) => r.replacedBy.join('；')],
  ['解读的文件', (r) => r.interprets.join('；')],
  [
    '附件',
    (r) =>
      r.attachments
        .map(
          (a) => `${a.title}（${a.format}${a.bytes === null ? '' : `，${a.bytes} 字节`}）${a.url}`,
        )
        .join('；'),
  ],
  ['联系人', (r) => r.contact?.name ?? ''],
  ['联系电话', (r) => r.contact?.phone ?? ''],
  ['联系单位', (r) => r.contact?.unit ?? ''],
  ['语种', (r) => r.lang],
  ['网址', (r) => r.url],
];

function csvCell(value: string | number): string {
  const text = String(value);
  // Cells starting with = + - @ would run as formulas in Excel: prefix them with a quote mark.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows as CSV that Excel opens correctly: UTF-8 with BOM, CRLF, RFC 4180 quoting. */
export function csvText(rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  return '\uFEFF' + rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export function toCsv(records: readonly NoticeRecord[]): string {
  return csvText([
    CSV_COLUMNS.map(([h]) => h),
    ...records.map((r) => CSV_COLUMNS.map(([, get]) => get(r))),
  ]);
}
