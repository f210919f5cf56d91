/**
 * npm run bench -- [--notices 2000,10000,100000] [--mdx-share 0.1] [--out DIR] [--no-baseline] [--no-search] [--parts N]
 * npm run bench -- --search-only DIST   (only the search measurement, on a site already built)
 * npm run bench -- --check-only [--notices N]   (only `npm run check`: three cold runs and one warm, medians)
 * Generates a realistic corpus (outside src/) and measures, cold and after editing one notice,
 * `npm run check` and the full `npm run build`, plus a plain Astro + Pagefind site of the same
 * corpus as the baseline, and what a search costs in Chromium. Prints one table (Markdown).
 * --parts N: also the build on N machines, each part and the merge in its own fresh copy of the
 * project, one after another here (what N machines take: the slowest part plus the merge). Each
 * part needs a search shard (GONGKAI_SHARD_SIZE, default 5,000 notices): 4 parts of 10,000 notices
 * want GONGKAI_SHARD_SIZE=2500, for the one-machine build as well, so the two can be compared.
 */
import { parseArgs } from 'node:util';
import { appendFileSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, extname, join } from 'node:path';
import { writeCorpusProject } from './corpus-project';
import { writeBaselineProject } from './baseline-project';
import { duMb, measure } from './measure';
import { checkoutCopy, PROJECT_ROOT } from '../tests/support/project-copy';
import { hashTree } from '../tests/helpers/tree-hash';
import { searchCost, searchCostNote } from './search-cost';
import { CACHE_DIR } from '../src/lib/content/check-cache';

const { values } = parseArgs({
  options: {
    notices: { type: 'string', default: '2000' },
    'mdx-share': { type: 'string', default: '0.1' },
    out: { type: 'string', default: join(tmpdir(), 'gongkai-bench') },
    'no-baseline': { type: 'boolean', default: false },
    'no-search': { type: 'boolean', default: false },
    'search-only': { type: 'string' },
    'check-only': { type: 'boolean', default: false },
    parts: { type: 'string' },
  },
});
const sizes = values.notices.split(',').map(Number);
const TSX = join(PROJECT_ROOT, 'node_modules/.bin/tsx');
const NODE = join(PROJECT_ROOT, 'node_modules/.bin/node');
const progress = (s: string) =>
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${s}\n`);
if (values['search-only']) {
  const s = await searchCost(values['search-only'], progress);
  console.log(searchCostNote(s));
  for (const r of s.rows)
    console.log(
      `| ${r.kind} | ${r.q.slice(0, 30) || '（筛选）'} | ${r.kb.toFixed(0)} KB | ${r.ms} ms | ${r.right ? 'right' : 'WRONG'} |`,
    );
  process.exit(0);
}

interface Row {
  notices: number;
  what: string;
  seconds: number;
  perSecond: number;
  peakMb: number;
  distMb?: number;
  searchMb?: number;
  note?: string;
}
const rows: Row[] = [];

/** The build's own step timings (its "  · step：N 秒" lines), for the profile column. */
function steps(output: string): string {
  // Which kind of build ran, and why (its "增量构建：…" or "完整构建：…" line).
  const kind = /^(?:增量构建|完整构建|改为完整构建)：.*$/m.exec(output)?.[0];
  return [kind, ...[...output.matchAll(/· (.+?)：([\d.]+) 秒/g)].map((m) => `${m[1]} ${m[2]} s`)]
    .filter(Boolean)
    .join(', ');
}

for (const n of sizes) {
  const base = join(values.out, String(n));
  const ours = join(base, 'gongkai');
  progress(`generating ${n} notices (mdx share ${values['mdx-share']})`);
  writeCorpusProject(ours, { count: n, mdxShare: Number(values['mdx-share']) });

  progress('npm run check');
  const check = await measure([TSX, 'scripts/check.ts', '--root', ours], PROJECT_ROOT);
  rows.push({
    notices: n,
    what: 'npm run check',
    seconds: check.seconds,
    perSecond: n / check.seconds,
    peakMb: check.peakMb,
    note: check.ok ? '' : 'FAILED',
  });
  if (values['check-only']) {
    // Cold means no check cache (every file parsed and validated); the files are in the page cache after generation.
    const colds = [check];
    for (let i = 0; i < 2; i++) {
      rmSync(join(ours, CACHE_DIR), { recursive: true, force: true });
      progress(`npm run check, cold run ${i + 2}`);
      colds.push(await measure([TSX, 'scripts/check.ts', '--root', ours], PROJECT_ROOT));
    }
    progress('npm run check, warm');
    const warm = await measure([TSX, 'scripts/check.ts', '--root', ours], PROJECT_ROOT);
    const median = colds.map((c) => c.seconds).sort((a, b) => a - b)[1]!;
    rows[rows.length - 1] = {
      notices: n,
      what: 'npm run check, cold (median of 3)',
      seconds: median,
      perSecond: n / median,
      peakMb: Math.max(...colds.map((c) => c.peakMb)),
      note: `${colds.map((c) => c.seconds.toFixed(1)).join(' / ')} s${colds.every((c) => c.ok) ? '' : ' FAILED'}`,
    };
    rows.push({
      notices: n,
      what: 'npm run check, warm (check cache)',
      seconds: warm.seconds,
      perSecond: n / warm.seconds,
      peakMb: warm.peakMb,
      note: warm.ok ? '' : 'FAILED',
    });
    continue;
  }

  progress('npm run build (cold)');
  const build = await measure([TSX, 'scripts/build.ts', '--root', ours], PROJECT_ROOT);
  if (!build.ok) progress(build.output.slice(-2000));
  rows.push({
    notices: n,
    what: 'npm run build, cold',
    seconds: build.seconds,
    perSecond: n / build.seconds,
    peakMb: build.peakMb,
    distMb: duMb(join(ours, 'dist')),
    searchMb: searchBundlesMb(join(ours, 'dist')),
    note: build.ok ? steps(build.output) : 'FAILED',
  });

  if (values.parts && build.ok)
    rows.push(...(await partsRows(n, base, ours, Number(values.parts))));

  /** `npm run build` again after an edit, as a row. */
  const rebuildRow = async (what: string) => {
    const r = await measure([TSX, 'scripts/build.ts', '--root', ours], PROJECT_ROOT);
    rows.push({
      notices: n,
      what,
      seconds: r.seconds,
      perSecond: n / r.seconds,
      peakMb: r.peakMb,
      note: r.ok ? steps(r.output) : 'FAILED',
    });
  };

  progress('edit one notice, npm run build again');
  const edited = join(
    ours,
    'src/content/notices',
    readFileSync(join(ours, '.bench-first'), 'utf8'),
  );
  appendFileSync(edited, '\n本段为基准测试追加的修改。\n');
  await rebuildRow('npm run build, after editing one notice');

  // A title edit changes listings and neighbours' links: the site pages are rendered again too.
  progress("edit one notice's title, npm run build again");
  writeFileSync(
    edited,
    readFileSync(edited, 'utf8').replace(/^title: (.+)$/m, 'title: $1（修订）'),
  );
  await rebuildRow("npm run build, after editing one notice's title");

  // What editors do most: publish one more notice (a copy of the edited one under a new 索引号).
  progress('add one notice, npm run build again');
  const serialUp = (text: string) =>
    text.replace(
      /^(indexNo: .+-)(\d+)$/m,
      (_, head: string, serial: string) =>
        `${head}${String(Number(serial) + 90000).padStart(serial.length, '0')}`,
    );
  writeFileSync(
    join(dirname(edited), `bench-added${extname(edited)}`),
    serialUp(readFileSync(edited, 'utf8')),
  );
  await rebuildRow('npm run build, after adding one notice');

  if (!values['no-search'] && build.ok) {
    progress('search in Chromium');
    // A search that does not finish is a result to report, not a reason to lose the other rows.
    const s = await searchCost(join(ours, 'dist'), progress).catch((err: Error) => err);
    rows.push({
      notices: n,
      what: 'search',
      seconds: NaN,
      perSecond: NaN,
      peakMb: NaN,
      note: s instanceof Error ? `FAILED: ${s.message.split('\n')[0]}` : searchCostNote(s),
    });
  }

  if (!values['no-baseline']) {
    const baseline = join(base, 'baseline');
    writeBaselineProject(baseline, join(ours, 'src/content/notices'));
    progress('baseline: astro build');
    const astro = await measure(
      [NODE, join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'],
      baseline,
    );
    progress('baseline: pagefind --site dist');
    const pf = await measure(
      [NODE, join(PROJECT_ROOT, 'node_modules/pagefind/lib/runner/bin.cjs'), '--site', 'dist'],
      baseline,
    );
    const seconds = astro.seconds + pf.seconds;
    rows.push({
      notices: n,
      what: 'baseline: plain Astro + Pagefind CLI',
      seconds,
      perSecond: n / seconds,
      peakMb: Math.max(astro.peakMb, pf.peakMb),
      distMb: duMb(join(baseline, 'dist')),
      searchMb: duMb(join(baseline, 'dist/pagefind')),
      note: `${astro.ok && pf.ok ? '' : 'FAILED '}Astro ${astro.seconds.toFixed(1)} s, Pagefind ${pf.seconds.toFixed(1)} s / ${pf.peakMb.toFixed(0)} MB`,
    });
    const ourBuild = rows.find((r) => r.notices === n && r.what === 'npm run build, cold')!;
    ourBuild.note = `${(ourBuild.perSecond / (n / seconds)).toFixed(2)}× baseline notices/s; ${ourBuild.note ?? ''}`;
  }
  if (!process.env.BENCH_KEEP) rmSync(base, { recursive: true, force: true });
}

/** The build as `parts` machines would run it: each part, then the merge, each in a fresh copy. */
async function partsRows(n: number, base: string, ours: string, parts: number): Promise<Row[]> {
  const out: Row[] = [];
  const dirs: string[] = [];
  for (let k = 1; k <= parts; k++) {
    const machine = checkoutCopy(ours, join(base, `machine-${k}`));
    const dir = join(base, `part-${k}`);
    progress(`part ${k}/${parts}`);
    const r = await measure(
      [TSX, 'scripts/build.ts', '--root', machine, '--part', `${k}/${parts}`, '--out', dir],
      PROJECT_ROOT,
    );
    rmSync(machine, { recursive: true, force: true });
    if (!r.ok) progress(r.output.slice(-1500));
    dirs.push(dir);
    out.push({
      notices: n,
      what: `build on ${parts} machines: part ${k}/${parts}`,
      seconds: r.seconds,
      perSecond: NaN,
      peakMb: r.peakMb,
      note: r.ok ? steps(r.output) : 'FAILED',
    });
  }
  const merger = checkoutCopy(ours, join(base, 'merger'));
  progress('merge');
  const m = await measure(
    [TSX, 'scripts/build.ts', '--root', merger, '--merge', ...dirs],
    PROJECT_ROOT,
  );
  const same =
    m.ok &&
    JSON.stringify(hashTree(join(merger, 'dist'))) === JSON.stringify(hashTree(join(ours, 'dist')));
  const slowest = Math.max(...out.map((r) => r.seconds));
  out.push({
    notices: n,
    what: `build on ${parts} machines: merge`,
    seconds: m.seconds,
    perSecond: NaN,
    peakMb: m.peakMb,
    note: `${m.ok ? '' : 'FAILED '}dist/ ${same ? 'identical to' : 'DIFFERS from'} the one-machine build; ${steps(m.output)}`,
  });
  out.push({
    notices: n,
    what: `build on ${parts} machines: slowest part + merge`,
    seconds: slowest + m.seconds,
    perSecond: n / (slowest + m.seconds),
    peakMb: Math.max(...out.map((r) => r.peakMb)),
  });
  rmSync(merger, { recursive: true, force: true });
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  return out;
}

/** All search bundles (one per shard). */
function searchBundlesMb(dist: string): number {
  return readdirSync(dist)
    .filter((d) => /^pagefind(-\d+)?$/.test(d))
    .reduce((n, d) => n + duMb(join(dist, d)), 0);
}

const f = (x: number | undefined, d = 1) =>
  x === undefined || Number.isNaN(x) ? '' : x.toFixed(d);
const table = [
  '| notices | what | wall s | notices/s | peak RSS MB | dist MB | search bundle MB | note |',
  '|---|---|---|---|---|---|---|---|',
  ...rows.map(
    (r) =>
      `| ${r.notices} | ${r.what} | ${f(r.seconds)} | ${f(r.perSecond, 0)} | ${f(r.peakMb, 0)} | ${f(r.distMb)} | ${f(r.searchMb)} | ${r.note ?? ''} |`,
  ),
].join('\n');
console.log(table);
writeFileSync(join(values.out, 'bench.md'), table + '\n');
