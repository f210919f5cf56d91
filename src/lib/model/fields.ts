/**
 * Every frontmatter key of a notice with its 中文 name and the form expected, as editors read them
 * in error messages. Key paths use dots (`reply.kind`); list items are reported as `attachments[0].href`.
 */
export interface FieldInfo {
  label: string;
  /** The form expected, in Chinese, shown beside the value found. */
  expected: string;
}

export const FIELDS: Record<string, FieldInfo> = {
  title: { label: '标题', expected: '非空文字' },
  indexNo: {
    label: '索引号',
    expected:
      '发布机构的索引号格式（站点配置 indexNoFormat，默认 机构代码/年份-流水号，如 11330602056860309P/2024-96040）',
  },
  category: { label: '组配分类', expected: '站点配置中的组配分类之一' },
  issuer: { label: '发布机构', expected: '站点配置中的发布机构名称或别名，如 区科技局' },
  date: { label: '发文日期', expected: '真实存在的日期 YYYY-MM-DD，如 2024-08-12' },
  publishedAt: { label: '发布日期', expected: '带时区的日期时间，如 2024-08-12T09:48:00+08:00' },
  disclosure: { label: '公开方式', expected: '主动公开 或 依申请公开' },
  scope: { label: '公开范围', expected: '非空文字，默认 面向全社会' },
  docNo: {
    label: '文号',
    expected:
      '机关代字〔年份〕序号号（如 浙科提〔2024〕297号），或 …令第N号（如 国务院令第711号），或 …公告YYYY年第N号',
  },
  keywords: { label: '关键词', expected: '简短词语的列表，每个不超过 20 字' },
  summary: { label: '内容概述', expected: '一两句话，不超过 300 字' },
  source: { label: '信息来源', expected: '非空文字，默认同发布机构' },
  reply: { label: '建议提案答复', expected: '包含 kind、session、number、addressee 的对象' },
  'reply.kind': {
    label: '类型',
    expected: '建议（人大代表建议）或 提案（政协提案），与组配分类一致',
  },
  'reply.session': { label: '会议', expected: '非空文字，如 区十届人大三次会议' },
  'reply.number': { label: '编号', expected: '文字，如 "36"、温138（纯数字请加引号）' },
  'reply.addressee': { label: '代表/委员', expected: '代表或委员的姓名，如 冯观萍' },
  'reply.proposerType': { label: '提出方式', expected: '个人（默认）、联名 或 集体' },
  'reply.coSigners': { label: '联名人', expected: '联名人姓名的列表（仅用于 proposerType: 联名）' },
  'reply.role': { label: '办理方式', expected: '主办（默认）、协办、会办 或 分办' },
  'reply.subject': { label: '建议/提案题目', expected: '非空文字' },
  'reply.resultClass': {
    label: '办理结果类别',
    expected:
      '站点配置 resultClasses 中的类别代码，默认 A（已解决或采纳）、B（正在解决或列入计划）或 C（留作参考）',
  },
  docType: {
    label: '文件类型',
    expected: '站点配置 docTypes 之一，默认 规章、行政规范性文件、其他文件',
  },
  validity: { label: '有效性', expected: '有效、失效、废止 或 已修改' },
  effectiveFrom: { label: '施行日期', expected: '真实日期 YYYY-MM-DD，不早于发文日期' },
  expiresOn: { label: '有效期至', expected: '真实日期 YYYY-MM-DD，晚于施行日期（或发文日期）' },
  repealedOn: {
    label: '废止日期',
    expected: '真实日期 YYYY-MM-DD，不早于发文日期；有效性为 废止 时必填',
  },
  replaces: { label: '替代的文件', expected: '本站已发布政策文件的索引号列表' },
  interprets: {
    label: '解读的文件',
    expected: '本站已发布政策文件的索引号列表（政策解读至少一个）',
  },
  contact: { label: '联系方式', expected: '{ name, phone, unit } 对象，各项可选' },
  'contact.name': { label: '联系人', expected: '文字' },
  'contact.phone': { label: '联系电话', expected: '文字（请加引号），如 "88718631"' },
  'contact.unit': { label: '联系单位', expected: '文字' },
  attachments: { label: '附件', expected: '{ title, href } 的列表' },
  'attachments.title': { label: '附件标题', expected: '非空文字' },
  'attachments.href': {
    label: '附件地址',
    expected: 'public/ 下存在的文件路径（如 /files/a.pdf）或 https:// 地址',
  },
  lang: { label: '语种', expected: 'zh-Hans（简体，默认）或 zh-Hant（繁体）' },
  draft: { label: '草稿', expected: 'true 或 false' },
  legacy: {
    label: '原始来源',
    expected: '{ url, importedFrom, supplied, normalized } 对象（由导入工具填写）',
  },
  'legacy.url': { label: '原始地址', expected: '文字' },
  'legacy.importedFrom': { label: '导入自', expected: '文字' },
  'legacy.supplied': { label: '编辑补充的字段', expected: '字段名的列表' },
  'legacy.normalized': { label: '导入时规范化的值', expected: '{ field, from, to } 的列表' },
  encoding: { label: '文件编码', expected: 'UTF-8 编码的文本文件' },
  frontmatter: { label: '文件头', expected: '以 --- 开始和结束的 YAML 文件头' },
  body: { label: '正文', expected: '' },
};

/** Keys of FIELDS that name a whole file or its parts, not a frontmatter key. */
const FILE_PARTS = new Set(['encoding', 'frontmatter', 'body']);

/** The top-level frontmatter keys in the content model's order (the order of FIELDS). */
export const FRONTMATTER_KEYS: readonly string[] = Object.keys(FIELDS).filter(
  (key) => !key.includes('.') && !FILE_PARTS.has(key),
);

/** `attachments.0.href` → `attachments[0].href`, the form shown to editors and in JSON. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += (out ? '.' : '') + String(p);
  }
  return out || 'frontmatter';
}

/** The field info of a path, ignoring list indexes. */
export function fieldInfo(path: ReadonlyArray<PropertyKey>): FieldInfo {
  const key = path
    .filter((p) => typeof p !== 'number')
    .map(String)
    .join('.');
  return FIELDS[key] ?? { label: key, expected: '' };
}
