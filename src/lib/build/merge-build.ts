import { cpSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckedNotice } from '../content/validate-notice';
import type { NoticeRecordSpec } from '../search/records';
import { renderSitePages } from './astro-in-parts';
import type { BuildInput } from './build-input';
import { BuildError } from './errors';
import { finishSite } from './finish-site';
import type { IndexedPage } from './incremental';
import {
  checkParts,
  PART_SITE,
  partPlan,
  readPartFile,
  type PartFile,
  type PartIdentity,
} from './machine-parts';
import { hashFiles, listFiles } from './manifest';
import { mergePart } from './merge-parts';
import type { Shard } from './shards';

/**
 * The merge of a build on several machines (machine-parts.ts), into `staging`: the parts are
 * checked against this checkout and each other (refused with every reason at once), the site pages
 * rendered, the parts' pages and bundles copied in (the part folders are left as they are), and the
 * site finished as a full build finishes it. Returns the indexed pages, for the build state.
 */
export async function mergeBuild(
  o: BuildInput & { staging: string; dirs: readonly string[]; identity: PartIdentity },
): Promise<Record<string, IndexedPage>> {
  const { root, work, staging, step } = o;
  const found: Array<{ dir: string; file: PartFile }> = [];
  const unreadable: string[] = [];
  for (const dir of o.dirs) {
    const file = readPartFile(dir);
    if (typeof file === 'string') unreadable.push(file);
    else found.push({ dir, file });
  }
  const checked = unreadable.length ? { problems: unreadable } : checkParts(found, o.identity);
  if ('problems' in checked) throw refused(checked.problems);
  const { parts, dirs } = checked;
  const problems = parts.flatMap((part, k) => planProblems(part, dirs[k]!, o));
  if (problems.length) throw refused(problems);
  step(`核对 ${parts.length} 个部分`);

  rmSync(staging, { recursive: true, force: true });
  try {
    await renderSitePages({ root, work, siteDir: staging, notices: o.notices });
  } catch (err) {
    throw new BuildError('Astro 生成页面出错', 'Astro could not build the pages', err);
  }
  step('Astro 生成站点页面');

  const known = new Map<string, string>();
  for (const [k, part] of parts.entries()) {
    const site = join(dirs[k]!, PART_SITE);
    const label = `${dirs[k]}（第 ${part.part}/${part.of} 部分）`;
    try {
      mergePart(site, staging, part.ids, label, 'copy');
    } catch (err) {
      throw refused([(err as Error).message]);
    }
    for (const bundle of part.bundles) {
      if (existsSync(join(staging, bundle))) throw refused([`${label}：${bundle}/ 已在站点中`]);
      cpSync(join(site, bundle), join(staging, bundle), { recursive: true });
    }
    for (const [f, hash] of Object.entries(part.files)) known.set(f, hash);
  }
  step('合并各部分');
  await finishSite({ staging, work, config: o.config, shards: o.shards, known, step });
  return Object.fromEntries(
    o.shards.flatMap((shard) =>
      shard.items.map((s) => [s.file, { bundle: shard.bundle, page: known.get(s.file)! }]),
    ),
  );
}

function refused(problems: readonly string[]): BuildError {
  return new BuildError(
    `不能合并这些部分（dist/ 未改动）：\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    'the parts cannot be merged',
  );
}

/**
 * Whether a part holds what this checkout's plan gives it (its bundles and notice pages), and its
 * files are those it listed when it was built (nothing lost, added or changed in transit).
 */
function planProblems(
  part: PartFile,
  dir: string,
  o: { shards: ReadonlyArray<Shard<NoticeRecordSpec>>; notices: readonly CheckedNotice[] },
): string[] {
  const label = `${dir}（第 ${part.part}/${part.of} 部分）`;
  const { shards: mine, ids } = partPlan(o.shards, o.notices, part.part, part.of);
  const out: string[] = [];
  if (mine.map((s) => s.bundle).join() !== part.bundles.join())
    out.push(`${label}的搜索分片（${part.bundles.join('、')}）与本次的计划不同`);
  if (ids.join() !== part.ids.join()) out.push(`${label}的公告页面与本次的计划不同`);
  const site = join(dir, PART_SITE);
  const files = existsSync(site) ? listFiles(site) : [];
  const listed = Object.keys(part.files).sort();
  const hashes = hashFiles(
    site,
    files.filter((f) => f in part.files),
  );
  const changed = [...hashes].filter(([f, h]) => part.files[f] !== h).map(([f]) => f);
  const missing = listed.filter((f) => !hashes.has(f));
  const extra = files.filter((f) => !(f in part.files));
  for (const [what, list] of [
    ['被改动', changed],
    ['缺失', missing],
    ['多出', extra],
  ] as const)
    if (list.length)
      out.push(`${label}有 ${list.length} 个文件在构建后${what}（${list.slice(0, 3).join('、')}）`);
  return out;
}
