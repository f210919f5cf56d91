/**
 * The 政府信息公开工作年度报告 template of 国办公开办函〔2021〕30号: its six sections, in order and
 * wording, and the rows and columns of the tables of sections 二, 三 and 四. One definition: the
 * data file's keys (src/content/reports/<year>.yaml), its checks, the page and the CSV use it.
 */
export const SECTION_TITLES = [
  '一、总体情况',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况',
  '六、其他需要报告的事项',
] as const;

/** The sections written as Markdown (src/content/reports/<year>.md), as its `## ` headings. */
export const TEXT_SECTIONS = [SECTION_TITLES[0], SECTION_TITLES[4], SECTION_TITLES[5]] as const;

/** 二: the rows counted from the notices (本年制发件数, 本年废止件数, 现行有效件数). */
export const SECTION_TWO_DOC_TYPES = ['规章', '行政规范性文件'] as const;

/** 二: the rows the data file gives (key, the template's 信息内容, the column's heading). */
export const SECTION_TWO_ENTERED = [
  { key: '行政许可', label: '行政许可', column: '本年处理决定数量' },
  { key: '行政处罚', label: '行政处罚', column: '本年处理决定数量' },
  { key: '行政强制', label: '行政强制', column: '本年处理决定数量' },
  { key: '行政事业性收费', label: '行政事业性收费', column: '本年收费金额（单位：万元）' },
] as const;

/** 三's columns: 申请人情况 — 自然人, the five kinds of 法人或其他组织, 总计. */
export const APPLICANT_COLUMNS = [
  '自然人',
  '商业企业',
  '科研机构',
  '社会公益组织',
  '法律服务机构',
  '其他',
  '总计',
] as const;
export const APPLICANT_PARTS = 6;

export interface ResultRow {
  /** Key in the data file (under its group, if any). */
  key: string;
  /** The template's wording. */
  label: string;
}
export interface ResultGroup {
  key: string;
  label: string;
  /** A group of numbered rows (（三）不予公开 1.–8.), or a single row when empty. */
  rows: ResultRow[];
}

/** 三、本年度办理结果: （一）–（六）, each a row or numbered rows; （七）总计 is their sum. */
export const RESULT_GROUPS: ResultGroup[] = [
  { key: '予以公开', label: '（一）予以公开', rows: [] },
  { key: '部分公开', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', rows: [] },
  {
    key: '不予公开',
    label: '（三）不予公开',
    rows: [
      { key: '国家秘密', label: '1.属于国家秘密' },
      { key: '法律行政法规禁止', label: '2.其他法律行政法规禁止公开' },
      { key: '三安全一稳定', label: '3.危及“三安全一稳定”' },
      { key: '第三方合法权益', label: '4.保护第三方合法权益' },
      { key: '内部事务信息', label: '5.属于三类内部事务信息' },
      { key: '过程性信息', label: '6.属于四类过程性信息' },
      { key: '行政执法案卷', label: '7.属于行政执法案卷' },
      { key: '行政查询事项', label: '8.属于行政查询事项' },
    ],
  },
  {
    key: '无法提供',
    label: '（四）无法提供',
    rows: [
      { key: '本机关不掌握', label: '1.本机关不掌握相关政府信息' },
      { key: '需要另行制作', label: '2.没有现成信息需要另行制作' },
      { key: '补正后仍不明确', label: '3.补正后申请内容仍不明确' },
    ],
  },
  {
    key: '不予处理',
    label: '（五）不予处理',
    rows: [
      { key: '信访举报投诉', label: '1.信访举报投诉类申请' },
      { key: '重复申请', label: '2.重复申请' },
      { key: '公开出版物', label: '3.要求提供公开出版物' },
      { key: '大量反复申请', label: '4.无正当理由大量反复申请' },
      { key: '确认或重新出具', label: '5.要求行政机关确认或重新出具已获取信息' },
    ],
  },
  {
    key: '其他处理',
    label: '（六）其他处理',
    rows: [
      {
        key: '逾期不补正',
        label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
      },
      {
        key: '逾期未缴费',
        label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
      },
      { key: '其他', label: '3.其他' },
    ],
  },
];

/** 三's rows outside 办理结果, by data-file key. */
export const APPLICATION_ROWS = {
  本年新收: '一、本年新收政府信息公开申请数量',
  上年结转: '二、上年结转政府信息公开申请数量',
  总计: '（七）总计',
  结转下年: '四、结转下年度继续办理',
} as const;

/** 四: 行政复议, then 行政诉讼 未经复议直接起诉 and 复议后起诉, each 5 figures. */
export const REVIEW_GROUPS = [
  { key: '行政复议', label: '行政复议' },
  { key: '未经复议直接起诉', label: '行政诉讼：未经复议直接起诉' },
  { key: '复议后起诉', label: '行政诉讼：复议后起诉' },
] as const;
export const REVIEW_COLUMNS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'] as const;
