/**
 * npm run new -- --category 人大代表建议 --issuer 区科技局 [--title …] [--date YYYY-MM-DD]
 *               [--session … --number … --addressee …] [--code 机构代码] [--root DIR]
 * Writes a new notice with every required field and the next free 索引号 for the issuer's code and
 * year. In a terminal, asks for what the flags leave out. Never overwrites a file.
 */
import { siteConfigOrExit } from './lib/site-config-or-exit';
import { parseArgs } from 'node:util';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { scanIndexNos } from '../src/lib/content/project';
import { NOTICES_DIR } from '../src/lib/content/paths';
import { checkOrganisationCode } from '../src/lib/model/check-digits';
import { checkCalendarDate, todayInBeijing } from '../src/lib/model/dates';
import { indexNoSlug, plainCode } from '../src/lib/model/index-no';
import { issuerSuggestion, noticeModel } from '../src/lib/model/notice-model';
import { fieldInfo } from '../src/lib/model/fields';
import { REPLY_KIND_CATEGORY } from '../src/lib/model/notice-schema';
import { newNoticeSource, nextIndexNo } from '../src/lib/editor/new-notice';
import { historicIndexNos } from '../src/lib/editor/retired-index-nos';

const { values } = parseArgs({
  options: {
    category: { type: 'string' }, issuer: { type: 'string' }, title: { type: 'string' }, date: { type: 'string' },
    session: { type: 'string' }, number: { type: 'string' }, addressee: { type: 'string' }, code: { type: 'string' },
    root: { type: 'string', default: '.' },
  },
});

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const root = resolve(values.root);
const config = await siteConfigOrExit(root);
const interactive = process.stdin.isTTY && process.stdout.isTTY;
const rl = interactive ? createInterface({ input: process.stdin, output: process.stdout }) : null;

async function ask(question: string, choices?: string[], fallback?: string): Promise<string> {
  if (!rl) return fallback ?? '';
  if (choices) console.log(choices.map((c, i) => `  ${i + 1}. ${c}`).join('\n'));
  const answer = (await rl.question(`${question}${fallback ? `（直接回车：${fallback}）` : ''}：`)).trim();
  if (choices && /^\d+$/.test(answer)) return choices[Number(answer) - 1] ?? '';
  return answer || fallback || '';
}

const categories = config.categories.map((c) => c.name);
const issuers = config.issuers.map((i) => i.name);
const category = values.category ?? (await ask('组配分类（填序号或名称）', categories));
if (!category) fail(`缺少组配分类：请用 --category 给出，可用：${categories.join('、')}。\n用法：npm run new -- --category 通知公告 --issuer ${issuers[0] ?? '区科技局'} --title "…"`);
if (!categories.includes(category)) {
  fail(`组配分类「${category}」不在站点配置中。可用：${categories.join('、')}。\n用法：npm run new -- --category 通知公告 --issuer ${issuers[0] ?? '区科技局'}`);
}
const model = noticeModel(config);
const written = values.issuer ?? (await ask('发布机构（填序号或名称）', issuers));
const resolved = model.issuer(written);
if (!written) fail(`缺少发布机构：请用 --issuer 给出，可用：${issuers.join('、')}`);
if (model.issuersListed && !resolved) {
  const guess = issuerSuggestion(model, written);
  fail(`发布机构「${written}」不在站点配置（src/content/site.config.ts 的 issuers）中。${guess ? `您是否要写「${guess}」？` : ''}可用：${issuers.join('、')}`);
}
const issuer = resolved?.name ?? written;
const rules = model.indexNoRules(issuer);
const needsCode = rules.format.parts.includes('code');
const code = values.code ?? resolved?.code;
if (needsCode && !code) {
  fail(`发布机构「${issuer}」没有在站点配置中登记机构代码（issuers 的 code），本站索引号格式 ${rules.format.pattern} 需要它；或用 --code 给出代码。`);
}
if (code && rules.checkDigit) {
  const codeProblem = checkOrganisationCode(plainCode(code));
  if (codeProblem) fail(`机构代码有误：${codeProblem.zh}`);
}
const today = todayInBeijing();
const date = values.date ?? (await ask('发文日期 YYYY-MM-DD', undefined, today));
const dateProblem = checkCalendarDate(date);
if (dateProblem) fail(`发文日期有误：${dateProblem.zh}`);
const isReply = (Object.values(REPLY_KIND_CATEGORY) as string[]).includes(category);
const reply = isReply
  ? {
      session: values.session ?? (await ask('会议（如 区十届人大三次会议）')),
      number: values.number ?? (await ask('编号（如 36）')),
      addressee: values.addressee ?? (await ask('代表/委员姓名')),
    }
  : undefined;
const title = values.title ?? (isReply ? undefined : await ask('标题'));
rl?.close();

// Numbers in use, and numbers once used by notices since deleted or renumbered (git history): never handed out again.
const indexNo = nextIndexNo([...scanIndexNos(root).values(), ...historicIndexNos(root)], rules.format, needsCode ? code : undefined, date);
const { source, placeholders } = newNoticeSource({ category, issuer, indexNo, date, ...(title ? { title } : {}), ...(reply ? { reply } : {}) });
const file = join(root, NOTICES_DIR, date.slice(0, 4), `${indexNoSlug(indexNo)}.md`);
mkdirSync(dirname(file), { recursive: true });
try {
  writeFileSync(file, source, { flag: 'wx' }); // never overwrite
} catch {
  fail(`文件 ${relative(process.cwd(), file)} 已存在，不会覆盖。`);
}
console.log(`已新建：${relative(process.cwd(), file)}\n索引号：${indexNo}`);
if (placeholders.length) console.log(`待填写：${placeholders.map((p) => `${p}（${fieldInfo(p.split('.')).label}）`).join('、')}，以及正文。`);
const kind = config.categories.find((c) => c.name === category)?.kind;
if (kind === '政策文件') console.log(`政策文件发布前还须填写 docType（文件类型：${config.docTypes.join('、')}）；规章和行政规范性文件还须填写 validity（有效性）。`);
if (kind === '政策解读') console.log('政策解读发布前还须用 interprets 列出所解读文件的索引号。');
console.log(`本文是草稿（draft: true），不会发布。写好后检查：npm run check -- ${relative(process.cwd(), file)}`);
console.log(`发布（删除 draft 并记下发布日期）：npm run publish -- ${relative(process.cwd(), file)}`);
