import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { treesFingerprint } from '../code-fingerprint';
import { NOTICES_DIR } from '../content/paths';
import type { CheckedNotice } from '../content/validate-notice';
import { indexNoSlug } from '../model/index-no';
import type { NoticeRecordSpec } from '../search/records';
import { paths } from '../site/routes';
import type { Shard } from './shards';

/**
 * A build on several machines (`npm run build -- --part K/N`, then `-- --merge DIR…`): each part
 * renders the notice pages and indexes the search shards of a contiguous run of shards, on any
 * machine with the same commit; the merge renders the site pages and joins the parts. The site is
 * the one a single machine builds, byte for byte, so the parts must come from the same code,
 * configuration and notices: each part says what it was built from, and the merge refuses parts
 * that disagree with each other or with the merging checkout.
 */
export const PART_FILE = 'part.json';
/** The pages and bundles of a part, inside its folder (PART_FILE beside it). */
export const PART_SITE = 'site';

/** What a part was built from: the merge joins only parts that agree on all of it. */
export interface PartIdentity {
  /** `git rev-parse HEAD`, or null outside a git checkout. */
  commit: string | null;
  /** The code that renders and indexes (src/ but its content, scripts/, the project's files and dependencies). */
  code: string;
  /** The site's configuration and other content: src/content but the notices, and public/. */
  config: string;
  /** Every notice's checked data, lead and body (the build's digests). */
  notices: string;
  /** How the records are split into shards: their size and count. */
  shards: string;
}

export interface PartFile {
  version: 1;
  /** 1-based, as CI systems number parallel jobs. */
  part: number;
  of: number;
  identity: PartIdentity;
  /** The bundles this part indexed, and the notice pages it rendered (ids). */
  bundles: string[];
  ids: string[];
  /** SHA-256 of every file of the part's site folder: the merge checks nothing changed in transit. */
  files: Record<string, string>;
}

/** Parses `K/N` (1 ≤ K ≤ N); throws the Chinese message for anything else. */
export function parsePartArg(value: string): { part: number; of: number } {
  const m = /^([1-9]\d*)\/([1-9]\d*)$/.exec(value.trim());
  const part = Number(m?.[1]);
  const of = Number(m?.[2]);
  if (!m || part > of)
    throw new Error(`--part ${value}：应为 K/N（第 K 部分，共 N 部分，1 ≤ K ≤ N），如 --part 2/4`);
  return { part, of };
}

/**
 * The shards of part `part` of `of` (1-based): contiguous runs as even as whole shards allow, so
 * every part has at least one shard. Throws when there are fewer shards than parts.
 */
export function partShards<T>(
  shards: ReadonlyArray<Shard<T>>,
  part: number,
  of: number,
): Shard<T>[] {
  if (shards.length < of)
    throw new Error(
      `搜索索引只有 ${shards.length} 个分片（每片最多 GONGKAI_SHARD_SIZE 篇，默认 5000），不能分成 ${of} 部分：请减少部分数，或调小 GONGKAI_SHARD_SIZE`,
    );
  const from = Math.floor(((part - 1) * shards.length) / of);
  const to = Math.floor((part * shards.length) / of);
  return shards.slice(from, to);
}

/**
 * Part `part` of `of`: its shards, the notices whose records they hold, and those notices' pages
 * (ids, sorted) — what the part builds and what the merge expects of it.
 */
export function partPlan(
  shards: ReadonlyArray<Shard<NoticeRecordSpec>>,
  notices: readonly CheckedNotice[],
  part: number,
  of: number,
): { shards: Shard<NoticeRecordSpec>[]; notices: CheckedNotice[]; ids: string[] } {
  const mine = partShards(shards, part, of);
  const urls = new Set(mine.flatMap((s) => s.items.map((i) => i.url)));
  const held = notices.filter((n) => urls.has(paths.notice(n.data!.indexNo)));
  return { shards: mine, notices: held, ids: held.map((n) => indexNoSlug(n.data!.indexNo)).sort() };
}

/** What this checkout builds from (see PartIdentity). */
export function partIdentity(
  root: string,
  toolPaths: readonly string[],
  noticeDigests: Record<string, unknown>,
  shards: readonly Shard<unknown>[],
): PartIdentity {
  const content = join(root, 'src', 'content');
  const code = treesFingerprint(
    [
      ...['src', 'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json'].map(
        (p) => join(root, p),
      ),
      ...toolPaths,
    ],
    (p) => p === content,
  );
  const config = treesFingerprint(
    [content, join(root, 'public')],
    (p) => p === join(root, NOTICES_DIR),
  );
  const notices = createHash('sha256')
    .update(JSON.stringify(Object.entries(noticeDigests).sort(([a], [b]) => (a < b ? -1 : 1))))
    .digest('hex');
  return {
    commit: gitCommit(root),
    code,
    config,
    notices,
    shards: shards.map((s) => s.items.length).join(','),
  };
}

function gitCommit(root: string): string | null {
  if (!existsSync(join(root, '.git'))) return null;
  try {
    return execFileSync('git', ['-C', root, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

const DIFFERENCES: Array<[keyof PartIdentity, string]> = [
  ['commit', '提交（git commit）'],
  ['code', '代码（src/、scripts/、依赖）'],
  ['config', '站点配置或 public/ 文件'],
  ['notices', '公告内容'],
  ['shards', '搜索分片（GONGKAI_SHARD_SIZE）'],
];

/**
 * The parts in order 1…N, or the Chinese reasons they cannot be merged here: a part from other
 * code, configuration, notices or commit than this checkout, parts of different counts, and a
 * missing or repeated part.
 */
export function checkParts(
  found: ReadonlyArray<{ dir: string; file: PartFile }>,
  here: PartIdentity,
): { parts: PartFile[]; dirs: string[] } | { problems: string[] } {
  const problems: string[] = [];
  for (const { dir, file } of found) {
    for (const [key, name] of DIFFERENCES)
      if (file.identity[key] !== here[key])
        problems.push(
          `${dir}（第 ${file.part}/${file.of} 部分）的${name}与本次合并的不同${key === 'commit' ? `：${file.identity.commit ?? '无'} ≠ ${here.commit ?? '无'}` : ''}`,
        );
  }
  const counts = [...new Set(found.map((f) => f.file.of))];
  if (counts.length > 1)
    problems.push(
      `各部分的总数不一致：${found.map((f) => `${f.dir} 为 ${f.file.part}/${f.file.of}`).join('，')}`,
    );
  const of = counts[0] ?? 0;
  for (let k = 1; k <= of; k++) {
    const holders = found.filter((f) => f.file.part === k);
    if (holders.length === 0) problems.push(`缺少第 ${k}/${of} 部分`);
    if (holders.length > 1)
      problems.push(
        `第 ${k}/${of} 部分出现了 ${holders.length} 次：${holders.map((f) => f.dir).join('、')}`,
      );
  }
  if (problems.length) return { problems };
  const sorted = [...found].sort((a, b) => a.file.part - b.file.part);
  return { parts: sorted.map((f) => f.file), dirs: sorted.map((f) => f.dir) };
}

/** A part folder's PART_FILE, or a Chinese reason it cannot be read. */
export function readPartFile(dir: string): PartFile | string {
  const file = join(dir, PART_FILE);
  if (!existsSync(file)) return `${dir} 不是构建的一部分（没有 ${PART_FILE}）`;
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as PartFile;
    if (parsed.version !== 1) return `${file}：版本 ${String(parsed.version)} 不是本程序写的`;
    return parsed;
  } catch (err) {
    return `${file} 无法读取：${err instanceof Error ? err.message : String(err)}`;
  }
}
