/**
 * npm run new -- --category 人大代表建议 --issuer 区科技局 [--title …] [--date YYYY-MM-DD]
 *               [--session … --number … --addressee …] [--code 机构代码] [--root DIR]
 * Writes a new notice with every required field and the next free 索引号 for the issuer's code and
 * year. In a terminal, asks for what the flags leave out. Never overwrites a file.
 */
import { siteConfigOrExit } from './lib/site-config-or-exit';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { scanIndexNos } from '../src/lib/content/project';
import { NOTICES_DIR } from '../src/lib/content/paths';
import { checkOrganisationCode } from '../src/lib/model/check-digits';
import { checkCalendarDate, normalizeDateInput, todayInBeijing } from '../src/lib/model/dates';
import { editorArgs } from '../src/lib/editor/cli-args';
import { indexNoSlug, plainCode } from '../src/lib/model/index-no';
import { issuerSuggestion, noticeModel } from '../src/lib/model/notice-model';
import { fieldInfo } from '../src/lib/model/fields';
import { REPLY_KIND_CATEGORY } from '../src/lib/model/notice-schema';
import { newNoticeSource, nextIndexNo } from '../src/lib/editor/new-notice';
import { historicIndexNos } from '../src/lib/editor/retired-index-nos';

const NAMES = [
  'category',
  'issuer',
  'title',
  'date',
  'session',
  'number',
  'addressee',
  'code',
  'root',
] as const;
const parsed = editorArgs(process.argv.slice(2), NAMES, { root: '.' });
if (!parsed.ok) fail(parsed.message);
const values = parsed.values;

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const root = resolve(values.root!);
const config = await siteConfigOrExit(root);
// GONGKAI_INTERACTIVE=1 asks on piped input too (tests; scripted answers).
const interactive =
  (process.stdin.isTTY && process.stdout.isTTY) || process.env.GONGKAI_INTERACTIVE === '1';
const rl = interactive
  ? createInterface({ input: process.stdin, output: process.stdout, terminal: false })
  : null;
const lines = rl?.[Symbol.asyncIterator]();

/**
 * Asks until the answer is usable: `accept` returns the value to use, or a reason (in Chinese) to
 * ask again. Outside a terminal, the flag's value (or the fallback) must do.
 */
async function ask<T>(
  question: string,
  accept: (answer: string) => { value: T } | { again: string },
  opts: { choices?: readonly string[]; fallback?: string; given?: string } = {},
): Promise<T> {
  if (opts.given !== undefined || !rl) {
    const r = accept(opts.given ?? opts.fallback ?? '');
    if ('again' in r) fail(r.again);
    return r.value;
  }
  if (opts.choices) console.log(opts.choices.map((c, i) => `  ${i + 1}. ${c}`).join('\n'));
  for (;;) {
    process.stdout.write(`${question}${opts.fallback ? `（直接回车：${opts.fallback}）` : ''}：`);
    const next = await lines!.next();
    if (next.done) fail('\n没有更多输入，未新建文件。');
    let answer = String(next.value).trim() || opts.fallback || '';
    if (opts.choices && /^\d+$/.test(answer)) answer = opts.choices[Number(answer) - 1] ?? answer;
    const r = accept(answer);
    if ('value' in r) return r.value;
    console.log(`${r.again}，请重新输入。`);
  }
}

const categories = config.categories.map((c) => c.name);
const issuers = config.issuers.map((i) => i.name);
const category = await ask<string>(
  '组配分类（填序号或名称）',
  (a) =>
    !a
      ? {
          again: `缺少组配分类：请用 --category 给出，可用：${categories.join('、')}。\n用法：npm run new -- --category 通知公告 --issuer ${issuers[0] ?? '区科技局'} --title "…"`,
        }
      : categories.includes(a)
        ? { value: a }
        : {
            again: `组配分类「${a}」不在站点配置中。可用：${categories.join('、')}。\n用法：npm run new -- --category 通知公告 --issuer ${issuers[0] ?? '区科技局'}`,
          },
  { choices: categories, ...(values.category !== undefined ? { given: values.category } : {}) },
);
const model = noticeModel(config);
const resolved = await ask<{ name: string; code: string | undefined }>(
  '发布机构（填序号或名称）',
  (a) => {
    if (!a) return { again: `缺少发布机构：请用 --issuer 给出，可用：${issuers.join('、')}` };
    const hit = model.issuer(a);
    if (hit || !model.issuersListed) return { value: { name: hit?.name ?? a, code: hit?.code } };
    const guess = issuerSuggestion(model, a);
    return {
      again: `发布机构「${a}」不在站点配置（src/content/site.config.ts 的 issuers）中。${guess ? `您是否要写「${guess}」？` : ''}可用：${issuers.join('、')}`,
    };
  },
  { choices: issuers, ...(values.issuer !== undefined ? { given: values.issuer } : {}) },
);
const issuer = resolved.name;
const rules = model.indexNoRules(issuer);
const needsCode = rules.format.parts.includes('code');
const code = values.code ?? resolved.code;
if (needsCode && !code) {
  fail(
    `发布机构「${issuer}」没有在站点配置中登记机构代码（issuers 的 code），本站索引号格式 ${rules.format.pattern} 需要它；或用 --code 给出代码。`,
  );
}
if (code && rules.checkDigit) {
  const codeProblem = checkOrganisationCode(plainCode(code));
  if (codeProblem) fail(`机构代码有误：${codeProblem.zh}`);
}
const date = await ask<string>(
  '发文日期（如 2024-03-05 或 2024年3月5日）',
  (a) => {
    const d = normalizeDateInput(a);
    const problem = d
      ? checkCalendarDate(d)
      : { zh: `「${a}」不是日期，应写成 2024-03-05 或 2024年3月5日` };
    return problem ? { again: `发文日期有误：${problem.zh}` } : { value: d! };
  },
  { fallback: todayInBeijing(), ...(values.date !== undefined ? { given: values.date } : {}) },
);
const text = (v: string): { value: string } => ({ value: v });
const isReply = (Object.values(REPLY_KIND_CATEGORY) as string[]).includes(category);
const reply = isReply
  ? {
      session: await ask(
        '会议（如 区十届人大三次会议）',
        text,
        values.session !== undefined ? { given: values.session } : {},
      ),
      number: await ask(
        '编号（如 36）',
        text,
        values.number !== undefined ? { given: values.number } : {},
      ),
      addressee: await ask(
        '代表/委员姓名',
        text,
        values.addressee !== undefined ? { given: values.addressee } : {},
      ),
    }
  : undefined;
const title = values.title ?? (isReply ? undefined : await ask('标题', text));
rl?.close();

// Numbers in use, and numbers once used by notices since deleted or renumbered (git history): never handed out again.
const indexNo = nextIndexNo(
  [...scanIndexNos(root).values(), ...historicIndexNos(root)],
  rules.format,
  needsCode ? code : undefined,
  date,
);
const { source, placeholders } = newNoticeSource({
  category,
  issuer,
  indexNo,
  date,
  ...(title ? { title } : {}),
  ...(reply ? { reply } : {}),
});
const file = join(root, NOTICES_DIR, date.slice(0, 4), `${indexNoSlug(indexNo)}.md`);
mkdirSync(dirname(file), { recursive: true });
try {
  writeFileSync(file, source, { flag: 'wx' }); // never overwrite
} catch {
  fail(`文件 ${relative(process.cwd(), file)} 已存在，不会覆盖。`);
}
console.log(`已新建：${relative(process.cwd(), file)}\n索引号：${indexNo}`);
if (placeholders.length)
  console.log(
    `待填写：${placeholders.map((p) => `${p}（${fieldInfo(p.split('.')).label}）`).join('、')}，以及正文。`,
  );
const kind = config.categories.find((c) => c.name === category)?.kind;
if (kind === '政策文件')
  console.log(
    `政策文件发布前还须填写 docType（文件类型：${config.docTypes.join('、')}）；规章和行政规范性文件还须填写 validity（有效性）。`,
  );
if (kind === '政策解读') console.log('政策解读发布前还须用 interprets 列出所解读文件的索引号。');
console.log(
  `本文是草稿（draft: true），不会发布。写好后检查：npm run check -- ${relative(process.cwd(), file)}`,
);
console.log(
  `发布（删除 draft 并记下发布日期）：npm run publish -- ${relative(process.cwd(), file)}`,
);
