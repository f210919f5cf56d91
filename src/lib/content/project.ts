import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { allReportProblems } from '../reports/report-files';
import { join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseSiteConfig, type SiteConfig } from '../model/site-config';
import { leadBlocks } from '../site/format';
import { createNoticeSchema, type NoticeSchema } from '../model/notice-schema';
import { noticeModel, type ModelSource, type NoticeModel } from '../model/notice-model';
import { publicFiles } from './public-files';
import { encodingProblem } from '../text/encoding';
import { strayFileProblem } from './stray-files';

/** Errors and warnings, each in a stable order. */
function split(found: Problem[]): { problems: Problem[]; warnings: Problem[] } {
  return {
    problems: sortProblems(found.filter((p) => p.severity !== 'warning')),
    warnings: sortProblems(found.filter((p) => p.severity === 'warning')),
  };
}
import { checkNoticeSource, type CheckedNotice } from './validate-notice';
import { checkAcrossNotices, duplicateIndexNoProblem, indexNoIdentity } from './cross-file-rules';
import { sortProblems, type Problem } from './problem';
import { spamProblems } from './spam-lint';
import { contentPolicyProblems } from './content-policy';
import { workerAnswer } from '../worker-answer';
import { cacheKey, CheckCache, type CachedResult } from './check-cache';
import { contentDigests } from './notice-digests';

import { NOTICES_DIR, SITE_CONFIG_FILE } from './paths';

const NOTICE_FILE = /\.mdx?$/;

/**
 * Every .md/.mdx file below `dir` (not `_` or `.` ones), as sorted dir-relative paths with forward
 * slashes; `others` hears of every other file (the stray-file warnings need no second walk).
 */
export function listMarkdownFiles(dir: string, others?: (path: string) => void): string[] {
  const out: string[] = [];
  // Relative paths by concatenation as the walk goes (100,000 notices: path.relative took 0.4 s).
  const walk = (d: string, rel: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || entry.name.startsWith('_')) continue;
      const path = `${rel}${entry.name}`;
      if (entry.isDirectory()) walk(join(d, entry.name), `${path}/`);
      else if (NOTICE_FILE.test(entry.name)) out.push(path);
      else others?.(path);
    }
  };
  if (existsSync(dir)) walk(dir, '');
  return out.sort();
}

/** Every notice file under the notices folder, as sorted root-relative paths with forward slashes. */
export function listNoticeFiles(root: string, others?: (path: string) => void): string[] {
  return listMarkdownFiles(
    join(root, NOTICES_DIR),
    others && ((f) => others(`${NOTICES_DIR}/${f}`)),
  ).map((f) => `${NOTICES_DIR}/${f}`);
}

export function toProjectPath(root: string, file: string): string {
  return relative(root, resolve(root, file)).split(sep).join('/');
}

export async function loadSiteConfig(root: string): Promise<SiteConfig> {
  const file = join(root, SITE_CONFIG_FILE);
  let mod: { default: unknown };
  try {
    mod = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as { default: unknown };
  } catch (err) {
    // A syntax error: esbuild's words are English; say what usually causes it, and where.
    const text = (err as Error).message;
    const where = /:(\d+):(\d+)/.exec(text);
    throw new Error(
      `站点配置 ${SITE_CONFIG_FILE} 无法读取${where ? `（第 ${where[1]} 行第 ${where[2]} 列附近）` : ''}：常见原因是缺少逗号、括号或引号不成对，或用了中文引号“ ” ‘ ’（请用英文半角引号 ' 或 "）。\n  原始信息：${text.split('\n').slice(0, 3).join(' ')}`,
    );
  }
  return parseSiteConfig(mod.default, SITE_CONFIG_FILE);
}

/** Every single-file rule for one notice: the content model, the spam lint and the content policy. */
export function checkNoticeFile(
  file: string,
  source: string,
  schema: NoticeSchema,
  model: NoticeModel | ModelSource,
): { notice: CheckedNotice; problems: Problem[] } {
  const notice = checkNoticeSource(source, file, schema, model);
  return {
    notice,
    problems: [
      ...notice.problems,
      ...spamProblems(file, notice.parsed),
      // The attachments as written, so a problem elsewhere in the frontmatter does not make <附件 序号> look wrong too.
      ...contentPolicyProblems(file, source, rawAttachmentCount(notice.parsed.data)),
    ],
  };
}

/**
 * checkNoticeFile on a file's bytes: a file that is not UTF-8 (GBK, UTF-16 from Windows editors)
 * gets one problem naming its encoding, rather than the garbage its fields would read as.
 */
export function checkNoticeBytes(
  file: string,
  bytes: Buffer,
  schema: NoticeSchema,
  model: NoticeModel | ModelSource,
): { notice: CheckedNotice; problems: Problem[] } {
  const source = bytes.toString('utf8');
  // Cheap test first: invalid UTF-8 decodes to U+FFFD; UTF-16 has zero bytes.
  const wrong =
    source.includes('\uFFFD') || bytes.subarray(0, 64).includes(0) ? encodingProblem(bytes) : null;
  if (!wrong) return checkNoticeFile(file, source, schema, model);
  const problem: Problem = {
    file,
    line: null,
    field: 'encoding',
    label: '文件编码',
    value: wrong.encoding ?? '无法识别的编码',
    expected: 'UTF-8 编码的文本文件',
    message: wrong.zh,
    messageEn: wrong.en,
  };
  return {
    notice: {
      file,
      data: null,
      problems: [problem],
      parsed: { data: null, body: '', bodyLine: 1, errors: [], lineOf: () => null },
    },
    problems: [problem],
  };
}

function rawAttachmentCount(data: unknown): number {
  const list =
    data && typeof data === 'object' ? (data as { attachments?: unknown }).attachments : undefined;
  return Array.isArray(list) ? list.length : 0;
}

type FileCheck = { notice: CheckedNotice; problems: Problem[] };

/** What the cache (and a check worker) keeps of a file's check: the data and problems, the lines cross-file rules need. */
export function toCached(result: FileCheck): CachedResult {
  const lines: Record<string, number | null> = {
    indexNo: result.notice.parsed.lineOf(['indexNo']),
  };
  (result.notice.refs?.attachments ?? []).forEach(
    (_, i) =>
      (lines[`attachments.${i}.href`] = result.notice.parsed.lineOf(['attachments', i, 'href'])),
  );
  for (const key of ['replaces', 'interprets'] as const) {
    (result.notice.data?.[key] ?? []).forEach(
      (_, i) => (lines[`${key}.${i}`] = result.notice.parsed.lineOf([key, i])),
    );
  }
  const lead = leadBlocks(result.notice.parsed.body);
  return {
    data: result.notice.data,
    problems: result.problems.map(({ file: _file, ...rest }) => rest),
    bodyLine: result.notice.parsed.bodyLine,
    lines,
    lead,
    images: result.notice.images ?? [],
    refs: result.notice.refs ?? { attachments: [] },
    digests: contentDigests(result.notice.data, lead),
  };
}

/** One notice file's cache key and, unless `known` says the cache holds that key, its check in the cache's form. */
export function checkFileOrKey(
  root: string,
  file: string,
  salt: string,
  known: (key: string) => boolean,
  schema: NoticeSchema,
  model: NoticeModel,
): { key: string; result?: CachedResult } {
  const bytes = readFileSync(join(root, file));
  const key = cacheKey(salt, bytes);
  return known(key)
    ? { key }
    : { key, result: toCached(checkNoticeBytes(file, bytes, schema, model)) };
}

/** A file's check rebuilt from what toCached kept. */
function fromCached(file: string, hit: CachedResult): FileCheck {
  const lineOf = (path: ReadonlyArray<PropertyKey>) =>
    hit.lines[path.map(String).join('.')] ?? null;
  return {
    notice: {
      file,
      data: hit.data,
      problems: [],
      parsed: { data: null, body: '', bodyLine: hit.bodyLine, errors: [], lineOf },
      lead: hit.lead,
      digests: hit.digests,
      images: hit.images,
      refs: hit.refs,
    },
    problems: hit.problems.map((p) => ({ ...p, file })),
  };
}

export interface ProjectCheck {
  notices: CheckedNotice[];
  /** Errors: any of them fails the check. */
  problems: Problem[];
  /** Reported, but the notices still publish (a traditional text without lang: zh-Hant, a file the build skips for its name). */
  warnings: Problem[];
  /** Worker threads used for uncached files (absent: none). */
  threads?: number;
}

/**
 * The 索引号 of every notice, read cheaply from the frontmatter text (no YAML, no validation):
 * enough for uniqueness when only a few files are checked, and for `npm run new`.
 */
export function scanIndexNos(root: string, files = listNoticeFiles(root)): Map<string, string> {
  const out = new Map<string, string>();
  for (const file of files) {
    const head = readFileSync(join(root, file), 'utf8').slice(0, 4000);
    const m = /^indexNo:\s*["']?([^"'\s#]+)/m.exec(head.split(/\n---\s*\n/)[0] ?? '');
    if (m) out.set(file, m[1]!);
  }
  return out;
}

export interface CheckOptions {
  /**
   * Worker threads to read and check the files (0: check in this thread). Only for
   * callers running under tsx (the CLIs): the worker is a TypeScript module.
   */
  workers?: number;
}

/** Below this many files per worker a worker's start-up costs more than it saves. */
const FILES_PER_WORKER = 1500;

/**
 * Checks every notice of a project (all rules), reporting problems only for `only` when given:
 * cross-file rules still see every notice, so a duplicate 索引号 is found either way.
 */
export async function checkNotices(
  root: string,
  config: SiteConfig,
  only?: readonly string[],
  options: CheckOptions = {},
): Promise<ProjectCheck> {
  const model = noticeModel(config);
  const schema = createNoticeSchema(model);
  if (only) return checkSomeNotices(root, only, schema, model);
  const strays: Problem[] = [];
  const files = listNoticeFiles(root, (path) => {
    const problem = strayFileProblem(path);
    if (problem) strays.push(problem);
  });
  const cache = new CheckCache(root, model.fingerprint);
  // A file whose size and times are those of the last run is not read (its key is known).
  const stats = files.map((file) => statSync(join(root, file)));
  const answers: Array<{ key: string; result?: CachedResult }> = [];
  const toRead: number[] = [];
  files.forEach((file, i) => {
    const key = cache.knownKey(file, stats[i]!);
    if (key) answers[i] = { key };
    else toRead.push(i);
  });
  const workers = Math.min(options.workers ?? 0, Math.floor(toRead.length / FILES_PER_WORKER));
  // Each file read: hashed, and checked unless the cache knows its text; workers take a share each.
  let read: Array<{ key: string; result?: CachedResult }>;
  if (workers > 1) {
    const known = cache.keys();
    const size = Math.ceil(toRead.length / workers);
    const shares = Array.from({ length: workers }, (_, w) =>
      toRead.slice(w * size, (w + 1) * size).map((i) => files[i]!),
    );
    read = (
      await Promise.all(
        shares.map((share) => checkInWorker(root, config, cache.salt, known, share)),
      )
    ).flat();
  } else {
    read = toRead.map((i) =>
      checkFileOrKey(root, files[i]!, cache.salt, (key) => cache.has(key), schema, model),
    );
  }
  toRead.forEach((i, k) => (answers[i] = read[k]!));
  const checked = answers.map(({ key, result }, i) => {
    if (result) cache.set(key, result);
    cache.stamp(files[i]!, stats[i]!, key);
    const check = fromCached(files[i]!, result ?? cache.get(key)!);
    check.notice.sourceKey = key;
    return check;
  });
  cache.save();
  const notices = checked.map((c) => c.notice);
  // The annual reports' own files (src/content/reports) are content too: checked with the notices.
  const found = [
    ...checked.flatMap((c) => c.problems),
    ...checkAcrossNotices(notices, publicFiles(root), model),
    ...strays,
    ...allReportProblems(root),
  ];
  return { notices, ...split(found), ...(workers > 1 ? { threads: workers } : {}) };
}

/**
 * Checks files in a worker thread (check-worker.ts): each answer is the text's cache key, with the
 * result unless the key is one the cache already holds (`known`).
 */
function checkInWorker(
  root: string,
  config: SiteConfig,
  salt: string,
  known: string[],
  files: string[],
): Promise<Array<{ key: string; result?: CachedResult }>> {
  return workerAnswer(new URL('./check-worker.ts', import.meta.url), {
    root,
    config,
    salt,
    known,
    files,
  });
}

/**
 * `npm run check -- FILE…` (and the pre-commit hook): every rule on the named files; the other
 * notices are only scanned for their 索引号, so a duplicate is still found, quickly.
 */
function checkSomeNotices(
  root: string,
  only: readonly string[],
  schema: NoticeSchema,
  model: NoticeModel,
): ProjectCheck {
  const wanted = [...new Set(only.map((f) => toProjectPath(root, f)))].sort();
  const checked = wanted.map((file) =>
    checkNoticeBytes(file, readFileSync(join(root, file)), schema, model),
  );
  const notices = checked.map((c) => c.notice);
  const wantedSet = new Set(wanted);
  const others = [...scanIndexNos(root)].filter(([file]) => !wantedSet.has(file));
  // The notices the checked ones refer to (replaces, interprets) are checked too, silently, so the references can be judged.
  const referred = new Set(
    notices.flatMap((n) => [...(n.data?.replaces ?? []), ...(n.data?.interprets ?? [])]),
  );
  const context = others
    .filter(([, indexNo]) => referred.has(indexNo))
    .map(([file]) => checkNoticeBytes(file, readFileSync(join(root, file)), schema, model).notice);
  const problems = [
    ...checked.flatMap((c) => c.problems),
    ...checkAcrossNotices([...notices, ...context], publicFiles(root), model).filter((p) =>
      wantedSet.has(p.file),
    ),
  ];
  for (const n of notices) {
    const indexNo = n.data?.indexNo ?? n.refs?.indexNo;
    if (!indexNo) continue;
    const format = model.indexNoRules(n.data?.issuer ?? n.refs?.issuer).format;
    const mine = indexNoIdentity(indexNo, format);
    const holders = others
      .filter(([, indexNo]) => indexNoIdentity(indexNo, format) === mine)
      .map(([file, indexNo]) => ({ file, indexNo }));
    if (holders.length) problems.push(duplicateIndexNoProblem(n, holders));
  }
  return { notices, ...split(problems) };
}
