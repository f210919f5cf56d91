import { csvText } from '../site/open-data';
import type { SectionTwoRow } from './annual';
import { applicationRows, type ReportFigures } from './report-data';
import {
  APPLICANT_COLUMNS,
  APPLICATION_ROWS,
  RESULT_GROUPS,
  REVIEW_COLUMNS,
  REVIEW_GROUPS,
  SECTION_TWO_ENTERED,
} from './template';

/**
 * The tables of sections 二, 三 and 四 laid out as the 30号 template lays them out (its spanning
 * headers included), once: the report page renders them, with `headers` on every figure so a screen
 * reader names its row and column; the CSV files and the CLI print the same cells.
 */
export interface Cell {
  text: string;
  /** A header cell; data cells have none. */
  th?: boolean;
  /** A header's scope (set by withHeaders from where it stands and what it spans). */
  scope?: 'col' | 'colgroup' | 'row' | 'rowgroup';
  colspan?: number;
  rowspan?: number;
  /** Ids of the header cells that name this cell (set by withHeaders). */
  id?: string;
  headers?: string;
}
export interface ReportTable {
  /** Stable id, also the CSV's file name part. */
  id: string;
  caption: string;
  head: Cell[][];
  body: Cell[][];
}

const th = (text: string, span: Partial<Pick<Cell, 'colspan' | 'rowspan'>> = {}): Cell => ({
  text,
  th: true,
  ...span,
});
const td = (n: number): Cell => ({ text: String(n) });

/** Section 二: the template's four small tables (第二十条第（一）、（五）、（六）、（八）项). */
export function sectionTwoTables(
  computed: readonly SectionTwoRow[],
  entered: ReportFigures['entered'],
): ReportTable[] {
  const one = (
    id: string,
    caption: string,
    column: string,
    rows: ReadonlyArray<(typeof SECTION_TWO_ENTERED)[number]>,
  ) => ({
    id,
    caption,
    head: [[th('信息内容'), th(column)]],
    body: rows.map((r) => [th(r.label), td(entered[r.key])]),
  });
  const [permit, penalty, force, fee] = SECTION_TWO_ENTERED;
  return withHeaders([
    {
      id: 'section-2-1',
      caption: '第二十条第（一）项',
      head: [[th('信息内容'), th('本年制发件数'), th('本年废止件数'), th('现行有效件数')]],
      body: computed.map((r) => [th(r.docType), td(r.issued), td(r.repealed), td(r.inForce)]),
    },
    one('section-2-5', '第二十条第（五）项', permit.column, [permit]),
    one('section-2-6', '第二十条第（六）项', penalty.column, [penalty, force]),
    one('section-2-8', '第二十条第（八）项', fee.column, [fee]),
  ]);
}

/** Section 三: 申请人情况 across, 本年新收 … 结转下年度继续办理 down. */
export function sectionThreeTable(applications: ReportFigures['applications']): ReportTable {
  const figures = (path: string) => applications[path]!.map(td);
  const body: Cell[][] = [];
  const rows = applicationRows();
  const results = rows.filter((r) => !(r.path in APPLICATION_ROWS) || r.path === '总计');
  body.push([th(APPLICATION_ROWS.本年新收, { colspan: 3 }), ...figures('本年新收')]);
  body.push([th(APPLICATION_ROWS.上年结转, { colspan: 3 }), ...figures('上年结转')]);
  let first = true;
  for (const g of RESULT_GROUPS) {
    const lead = first ? [th('三、本年度办理结果', { rowspan: results.length })] : [];
    first = false;
    if (!g.rows.length) {
      body.push([...lead, th(g.label, { colspan: 2 }), ...figures(g.key)]);
      continue;
    }
    g.rows.forEach((r, i) =>
      body.push([
        ...(i === 0 ? [...lead, th(g.label, { rowspan: g.rows.length })] : []),
        th(r.label),
        ...figures(`${g.key}.${r.key}`),
      ]),
    );
  }
  body.push([th(APPLICATION_ROWS.总计, { colspan: 2 }), ...figures('总计')]);
  body.push([th(APPLICATION_ROWS.结转下年, { colspan: 3 }), ...figures('结转下年')]);
  const [person, ...rest] = APPLICANT_COLUMNS;
  const orgs = rest.slice(0, -1);
  return withHeaders([
    {
      id: 'section-3',
      caption: '收到和处理政府信息公开申请情况',
      head: [
        [
          th('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', {
            rowspan: 3,
            colspan: 3,
          }),
          th('申请人情况', { colspan: 7 }),
        ],
        [
          th(person, { rowspan: 2 }),
          th('法人或其他组织', { colspan: 5 }),
          th('总计', { rowspan: 2 }),
        ],
        orgs.map((o) => th(o)),
      ],
      body,
    },
  ])[0]!;
}

/** Section 四: 行政复议, and 行政诉讼 未经复议直接起诉 / 复议后起诉, five figures each. */
export function sectionFourTable(reviews: ReportFigures['reviews']): ReportTable {
  const [review, direct, after] = REVIEW_GROUPS;
  const cols = () => REVIEW_COLUMNS.map((c) => th(c));
  return withHeaders([
    {
      id: 'section-4',
      caption: '政府信息公开行政复议、行政诉讼情况',
      head: [
        [th(review.label, { colspan: 5 }), th('行政诉讼', { colspan: 10 })],
        [
          ...REVIEW_COLUMNS.map((c) => th(c, { rowspan: 2 })),
          th('未经复议直接起诉', { colspan: 5 }),
          th('复议后起诉', { colspan: 5 }),
        ],
        [...cols(), ...cols()],
      ],
      body: [[...reviews[review.key], ...reviews[direct.key], ...reviews[after.key]].map(td)],
    },
  ])[0]!;
}

/**
 * Lays a table's rows (head then body) out as the grid a browser makes of them: each slot holds the
 * cell covering it (a spanning cell fills several), and where each cell starts.
 */
function spanGrid(rows: readonly Cell[][]): {
  grid: Cell[][];
  at: Map<Cell, { x: number; y: number }>;
} {
  const grid: Cell[][] = rows.map(() => []);
  const at = new Map<Cell, { x: number; y: number }>();
  rows.forEach((row, y) => {
    let x = 0;
    for (const cell of row) {
      while (grid[y]![x]) x++;
      at.set(cell, { x, y });
      for (let dy = 0; dy < (cell.rowspan ?? 1); dy++)
        for (let dx = 0; dx < (cell.colspan ?? 1); dx++) (grid[y + dy] ??= [])[x + dx] = cell;
      x += cell.colspan ?? 1;
    }
  });
  return { grid, at };
}

/**
 * Gives every header cell an id and a scope, and every data cell the ids of the headers above it
 * in its column and before it in its row (HTML tables' `headers`).
 */
export function withHeaders(tables: ReportTable[]): ReportTable[] {
  return tables.map((t) => {
    const rows = [...t.head, ...t.body].map((r) => r.map((c) => ({ ...c })));
    const headRows = t.head.length;
    const { grid, at } = spanGrid(rows);
    let n = 0;
    rows.forEach((row, y) => {
      for (const cell of row.filter((c) => c.th)) {
        cell.id = `${t.id}-h${n++}`;
        const spans = y < headRows ? (cell.colspan ?? 1) > 1 : (cell.rowspan ?? 1) > 1;
        cell.scope = y < headRows ? (spans ? 'colgroup' : 'col') : spans ? 'rowgroup' : 'row';
      }
    });
    rows.forEach((row, y) => {
      for (const cell of row.filter((c) => !c.th)) {
        const { x } = at.get(cell)!;
        const above = grid.slice(0, headRows).map((r) => r[x]);
        const before = grid[y]!.slice(0, x);
        const names = [...above, ...before].filter((c): c is Cell => !!c?.th);
        cell.headers = [...new Set(names)].map((c) => c.id).join(' ');
      }
    });
    return { ...t, head: rows.slice(0, headRows), body: rows.slice(headRows) };
  });
}

/** A table as CSV rows: spanned cells repeated blank, as a spreadsheet shows merged cells. */
export function tableCsv(tables: readonly ReportTable[]): string {
  const out: Array<Array<string | number>> = [];
  for (const t of tables) {
    const { grid, at } = spanGrid([...t.head, ...t.body]);
    const cells = grid.map((row, y) =>
      row.map((cell, x) => {
        const start = at.get(cell)!;
        return start.x === x && start.y === y ? cell.text : '';
      }),
    );
    if (out.length) out.push([]);
    out.push([t.caption], ...cells);
  }
  return csvText(out);
}

/** Every table of a written report: 二's four, 三 and 四. */
export function reportTables(computed: readonly SectionTwoRow[], figures: ReportFigures) {
  return {
    two: sectionTwoTables(computed, figures.entered),
    three: sectionThreeTable(figures.applications),
    four: sectionFourTable(figures.reviews),
  };
}

/** The page title: the report's own when the office has written it, else the year's statistics. */
export function reportTitle(report: { year: number; source: unknown }, owner: string): string {
  return report.source
    ? `${owner}${report.year}年政府信息公开工作年度报告`
    : `${report.year}年主动公开政府信息情况（统计）`;
}
