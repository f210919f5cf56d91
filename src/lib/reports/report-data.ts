import { readYaml } from '../content/frontmatter';
import type { Problem } from '../content/problem';
import {
  APPLICANT_COLUMNS,
  APPLICANT_PARTS,
  APPLICATION_ROWS,
  RESULT_GROUPS,
  REVIEW_COLUMNS,
  REVIEW_GROUPS,
  SECTION_TWO_ENTERED,
  TEXT_SECTIONS,
} from './template';

/**
 * The figures of an annual report that no notice holds — 二's 行政许可/处罚/强制/收费, 三 and 四 —
 * read from src/content/reports/<year>.yaml and checked like notices: every problem at once, with
 * its line, the row's template wording, the figures and the difference. Totals are written by the
 * office (they are what it publishes) and must add up.
 */
export interface ReportFigures {
  entered: Record<(typeof SECTION_TWO_ENTERED)[number]['key'], number>;
  /** 三, each row 7 figures (APPLICANT_COLUMNS), by data key: 本年新收, 上年结转, 总计, 结转下年 and every result row (`不予公开.国家秘密`). */
  applications: Record<string, number[]>;
  /** 四, each 5 figures (REVIEW_COLUMNS). */
  reviews: Record<(typeof REVIEW_GROUPS)[number]['key'], number[]>;
}

/** Every row of 三 in template order: data path, wording. */
export function applicationRows(): Array<{ path: string; label: string; group?: string }> {
  return [
    { path: '本年新收', label: APPLICATION_ROWS.本年新收 },
    { path: '上年结转', label: APPLICATION_ROWS.上年结转 },
    ...RESULT_GROUPS.flatMap((g) =>
      g.rows.length
        ? g.rows.map((r) => ({ path: `${g.key}.${r.key}`, label: r.label, group: g.label }))
        : [{ path: g.key, label: g.label }],
    ),
    { path: '总计', label: APPLICATION_ROWS.总计 },
    { path: '结转下年', label: APPLICATION_ROWS.结转下年 },
  ];
}

const RESULT_PATHS = applicationRows()
  .map((r) => r.path)
  .filter((p) => !(p in APPLICATION_ROWS));

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
/** Figures as written: 万元 may have decimals; the sum of decimals is kept to 4 places. */
const round = (n: number) => Math.round(n * 10_000) / 10_000;

export function readReportData(
  text: string,
  file: string,
): { figures: ReportFigures | null; problems: Problem[] } {
  const problems: Problem[] = [];
  const read = readYaml(text, 1);
  const problem = (
    path: string[],
    label: string,
    value: string | null,
    expected: string,
    message: string,
    messageEn: string,
  ) =>
    problems.push({
      file,
      line: read.lineOf(path),
      field: path.join('.'),
      label,
      value,
      expected,
      message,
      messageEn,
    });
  if (read.errors.length || read.data === null) {
    for (const e of read.errors)
      problems.push({
        file,
        line: e.line,
        field: 'file',
        label: '年度报告数据',
        value: null,
        expected: 'YAML：「字段: 值」',
        message: e.message,
        messageEn: 'YAML syntax error',
      });
    return { figures: null, problems };
  }
  const data = read.data as Record<string, unknown>;
  const known = {
    主动公开: '二、主动公开政府信息情况',
    依申请公开: '三、收到和处理政府信息公开申请情况',
    复议诉讼: '四、政府信息公开行政复议、行政诉讼情况',
  };
  for (const key of Object.keys(data)) {
    if (!(key in known))
      problem(
        [key],
        '未知字段',
        null,
        Object.keys(known).join('、'),
        `不认识的字段「${key}」：年度报告数据只有 ${Object.keys(known).join('、')} 三部分`,
        `unknown key "${key}"`,
      );
  }
  const section = (key: keyof typeof known): Record<string, unknown> => {
    const v = data[key];
    if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
    problem(
      [key],
      known[key],
      v === undefined ? null : String(v),
      '一组「行名: 数字」',
      `缺少「${key}」（${known[key]}）`,
      `"${key}" is missing`,
    );
    return {};
  };

  // 二: four single figures.
  const two = section('主动公开');
  const entered = {} as ReportFigures['entered'];
  for (const row of SECTION_TWO_ENTERED) {
    const raw = two[row.key];
    const money = row.key === '行政事业性收费';
    const ok = typeof raw === 'string' && (money ? /^\d+(\.\d+)?$/ : /^\d+$/).test(raw.trim());
    if (!ok) {
      problem(
        ['主动公开', row.key],
        `${row.label}的${row.column}`,
        raw === undefined ? null : typeof raw === 'string' ? raw : JSON.stringify(raw),
        money ? '不小于 0 的数，单位万元，如 12.5' : '不小于 0 的整数',
        raw === undefined
          ? `缺少二、主动公开「${row.label}」的${row.column}`
          : `二、主动公开「${row.label}」的${row.column}应为${money ? '数字' : '整数'}`,
        `主动公开.${row.key} must be a ${money ? 'number' : 'whole number'}`,
      );
    } else entered[row.key] = Number((raw as string).trim());
  }

  // A row of `width` whole figures.
  const figures = (
    path: string[],
    label: string,
    raw: unknown,
    width: number,
    columns: readonly string[],
  ): number[] | null => {
    const expected = `${width} 个不小于 0 的整数，依次为：${columns.join('、')}，如 [${columns.map(() => 0).join(', ')}]`;
    if (
      !Array.isArray(raw) ||
      raw.length !== width ||
      !raw.every((x) => typeof x === 'string' && /^\d+$/.test(x.trim()))
    ) {
      const found =
        raw === undefined
          ? null
          : Array.isArray(raw)
            ? `[${raw.map(String).join(', ')}]`
            : JSON.stringify(raw);
      const why =
        raw === undefined
          ? '缺少这一行'
          : Array.isArray(raw) && raw.length !== width
            ? `应有 ${width} 个数，填写了 ${raw.length} 个`
            : '每个数都应为不小于 0 的整数';
      problem(
        path,
        label,
        found,
        expected,
        `「${label}」：${why}`,
        `${path.join('.')}: ${width} whole numbers expected`,
      );
      return null;
    }
    return raw.map((x) => Number((x as string).trim()));
  };

  // 三: rows of 7, keyed as applicationRows() names them.
  const three = section('依申请公开');
  const applications: Record<string, number[]> = {};
  const groupKeys = new Set(RESULT_GROUPS.filter((g) => g.rows.length).map((g) => g.key));
  const knownThree = new Set(applicationRows().map((r) => r.path.split('.')[0]!));
  for (const key of Object.keys(three)) {
    if (!knownThree.has(key))
      problem(
        ['依申请公开', key],
        '未知的行',
        null,
        [...knownThree].join('、'),
        `三、依申请公开中不认识的行「${key}」`,
        `unknown row "${key}"`,
      );
  }
  for (const g of RESULT_GROUPS.filter((x) => x.rows.length)) {
    const rows = three[g.key] as Record<string, unknown> | undefined;
    for (const key of Object.keys(rows && typeof rows === 'object' ? rows : {})) {
      if (!g.rows.some((r) => r.key === key))
        problem(
          ['依申请公开', g.key, key],
          '未知的行',
          null,
          g.rows.map((r) => r.key).join('、'),
          `${g.label}中不认识的行「${key}」`,
          `unknown row "${g.key}.${key}"`,
        );
    }
  }
  for (const row of applicationRows()) {
    const [a, b] = row.path.split('.') as [string, string | undefined];
    const container =
      b !== undefined && groupKeys.has(a)
        ? (three[a] as Record<string, unknown> | undefined)
        : three;
    const raw =
      b !== undefined
        ? container && typeof container === 'object'
          ? container[b]
          : undefined
        : three[a];
    const label = row.group ? `${row.group} ${row.label}` : row.label;
    const got = figures(
      ['依申请公开', ...row.path.split('.')],
      label,
      raw,
      APPLICANT_COLUMNS.length,
      APPLICANT_COLUMNS,
    );
    if (got) applications[row.path] = got;
  }
  // Each row's 总计 is the sum of its six applicant columns.
  for (const row of applicationRows()) {
    const v = applications[row.path];
    if (!v) continue;
    const parts = v.slice(0, APPLICANT_PARTS);
    if (sum(parts) !== v[APPLICANT_PARTS]) {
      const label = row.group ? `${row.group} ${row.label}` : row.label;
      problem(
        ['依申请公开', ...row.path.split('.')],
        label,
        `[${v.join(', ')}]`,
        `总计 = ${parts.join(' + ')} = ${sum(parts)}`,
        `「${label}」的总计应为前 6 列之和 ${parts.join('＋')}＝${sum(parts)}，填写的是 ${v[APPLICANT_PARTS]}（相差 ${Math.abs(v[APPLICANT_PARTS]! - sum(parts))}）`,
        `${row.path}: total ${v[APPLICANT_PARTS]} is not the sum ${sum(parts)}`,
      );
    }
  }
  const complete = applicationRows().every((r) => applications[r.path]);
  if (complete) {
    const col = (path: string, c: number) => applications[path]![c]!;
    for (let c = 0; c < APPLICANT_COLUMNS.length; c++) {
      // （七）总计 = the sum of every result row.
      const results = RESULT_PATHS.map((p) => col(p, c));
      if (sum(results) !== col('总计', c)) {
        problem(
          ['依申请公开', '总计'],
          APPLICATION_ROWS.总计,
          String(col('总计', c)),
          `办理结果各行之和 ${sum(results)}`,
          `「${APPLICANT_COLUMNS[c]}」列：${APPLICATION_ROWS.总计}应为（一）至（六）各行之和 ${sum(results)}，填写的是 ${col('总计', c)}（相差 ${Math.abs(col('总计', c) - sum(results))}）`,
          `column ${APPLICANT_COLUMNS[c]}: 总计 ${col('总计', c)} is not the sum of the results ${sum(results)}`,
        );
      }
      // 本年新收 + 上年结转 = 办理结果总计 + 结转下年.
      const came = col('本年新收', c) + col('上年结转', c);
      const went = col('总计', c) + col('结转下年', c);
      if (came !== went) {
        problem(
          ['依申请公开', '结转下年'],
          APPLICATION_ROWS.结转下年,
          String(col('结转下年', c)),
          `本年新收 + 上年结转 = 办理结果总计 + 结转下年`,
          `「${APPLICANT_COLUMNS[c]}」列：本年新收 ${col('本年新收', c)} ＋ 上年结转 ${col('上年结转', c)} ＝ ${came}，而办理结果总计 ${col('总计', c)} ＋ 结转下年 ${col('结转下年', c)} ＝ ${went}（相差 ${Math.abs(went - came)}）`,
          `column ${APPLICANT_COLUMNS[c]}: received ${came} but handled and carried ${went}`,
        );
      }
    }
  }

  // 四: three rows of 5; 总计 the sum of the four results.
  const four = section('复议诉讼');
  const reviews = {} as ReportFigures['reviews'];
  for (const key of Object.keys(four)) {
    if (!REVIEW_GROUPS.some((g) => g.key === key))
      problem(
        ['复议诉讼', key],
        '未知的行',
        null,
        REVIEW_GROUPS.map((g) => g.key).join('、'),
        `四、复议诉讼中不认识的行「${key}」`,
        `unknown row "${key}"`,
      );
  }
  for (const g of REVIEW_GROUPS) {
    const got = figures(
      ['复议诉讼', g.key],
      g.label,
      four[g.key],
      REVIEW_COLUMNS.length,
      REVIEW_COLUMNS,
    );
    if (!got) continue;
    const parts = got.slice(0, 4);
    if (sum(parts) !== got[4]) {
      problem(
        ['复议诉讼', g.key],
        g.label,
        `[${got.join(', ')}]`,
        `总计 = ${parts.join(' + ')} = ${sum(parts)}`,
        `「${g.label}」的总计应为结果维持、结果纠正、其他结果、尚未审结之和 ${parts.join('＋')}＝${sum(parts)}，填写的是 ${got[4]}（相差 ${Math.abs(got[4]! - sum(parts))}）`,
        `${g.key}: total ${got[4]} is not the sum ${sum(parts)}`,
      );
    }
    reviews[g.key] = got;
  }

  const ok = problems.length === 0;
  return {
    figures: ok
      ? {
          entered: Object.fromEntries(
            Object.entries(entered).map(([k, v]) => [k, round(v)]),
          ) as ReportFigures['entered'],
          applications,
          reviews,
        }
      : null,
    problems,
  };
}

/**
 * The Markdown beside the data (src/content/reports/<year>.md): sections 一, 五 and 六, each under
 * its `## ` heading as the template words it, in order, none empty.
 */
export function reportTextProblems(text: string, file: string): Problem[] {
  const problems: Problem[] = [];
  const lines = text.split(/\r?\n/);
  const headings = lines.flatMap((l, i) =>
    /^##\s+/.test(l) ? [{ title: l.replace(/^##\s+/, '').trim(), line: i + 1 }] : [],
  );
  let last = -1;
  for (const title of TEXT_SECTIONS) {
    const at = headings.findIndex((h) => h.title === title);
    if (at < 0) {
      problems.push({
        file,
        line: null,
        field: 'body',
        label: title,
        value: null,
        expected: `一行「## ${title}」，下面写这一部分的内容`,
        message: `缺少「${title}」部分（标题须写作「## ${title}」）`,
        messageEn: `section "${title}" is missing`,
      });
      continue;
    }
    if (at < last)
      problems.push({
        file,
        line: headings[at]!.line,
        field: 'body',
        label: title,
        value: title,
        expected: TEXT_SECTIONS.join(' → '),
        message: `「${title}」的顺序不对：应为 ${TEXT_SECTIONS.join('、')}`,
        messageEn: `section "${title}" is out of order`,
      });
    last = at;
    const next = headings[at + 1]?.line ?? lines.length + 1;
    const body = lines
      .slice(headings[at]!.line, next - 1)
      .join('')
      .trim();
    if (!body)
      problems.push({
        file,
        line: headings[at]!.line,
        field: 'body',
        label: title,
        value: '',
        expected: '这一部分的文字',
        message: `「${title}」下面没有内容`,
        messageEn: `section "${title}" is empty`,
      });
  }
  return problems;
}
