import {
  copyFileSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
} from 'node:fs';
import { join } from 'node:path';
import { sharedAssets } from './publish';
import { NOTICE_FOLDERS } from '../site/routes';

/**
 * Moves one "notices" process's output into the site: its notice pages (which must be exactly
 * `ids`, in both modes, and new to the site) and its hashed assets (which must equal the site's
 * where both have one). Everything else it rendered is the site process's job and is left behind.
 * Throws, in Chinese, when a part does not fit; the build then stops before the swap.
 */
export function mergePart(
  partDir: string,
  siteDir: string,
  ids: readonly string[],
  label: string,
  /** copy: leave the part as it is (the folders a build on several machines merges are its input). */
  how: 'move' | 'copy' = 'move',
): void {
  const expected = new Set(ids);
  for (const dir of NOTICE_FOLDERS) {
    const from = join(partDir, dir);
    const made = existsSync(from) ? readdirSync(from) : [];
    const madeSet = new Set(made);
    const missing = ids.filter((id) => !madeSet.has(id));
    const extra = made.filter((id) => !expected.has(id));
    if (missing.length || extra.length) {
      throw new Error(
        `${label}：${dir}/ 下应有 ${expected.size} 篇，缺 ${missing.length} 篇（${missing.slice(0, 3).join('、')}），多 ${extra.length} 篇（${extra.slice(0, 3).join('、')}）`,
      );
    }
    const to = join(siteDir, dir);
    mkdirSync(to, { recursive: true });
    for (const id of made) {
      if (existsSync(join(to, id)))
        throw new Error(`${label}：${dir}/${id} 已由另一部分生成（同一篇出现在两个分区）`);
      if (how === 'move') renameSync(join(from, id), join(to, id));
      else cpSync(join(from, id), join(to, id), { recursive: true });
    }
  }
  const assets = join(partDir, '_astro');
  if (!existsSync(assets)) return;
  const differing = sharedAssets(partDir, siteDir).find((a) => !a.same);
  if (differing)
    throw new Error(`${label}：_astro/${differing.name} 与站点其余部分生成的同名文件内容不同`);
  mkdirSync(join(siteDir, '_astro'), { recursive: true });
  for (const name of readdirSync(assets)) {
    const ours = join(siteDir, '_astro', name);
    if (!existsSync(ours)) copyFileSync(join(assets, name), ours);
  }
}

/**
 * Moves everything the site process rendered into `siteDir`, where notices processes may already
 * have moved their pages: folders are merged, and a file both have (a hashed asset) must be the
 * same bytes. The site process renders into a folder of its own so that a part merged meanwhile
 * never reads one of its files half-written.
 */
export function mergeSitePages(fromDir: string, siteDir: string): void {
  mkdirSync(siteDir, { recursive: true });
  for (const name of readdirSync(fromDir)) {
    const from = join(fromDir, name);
    const to = join(siteDir, name);
    if (!existsSync(to)) renameSync(from, to);
    else if (lstatSync(from).isDirectory() && lstatSync(to).isDirectory()) mergeSitePages(from, to);
    else if (!readFileSync(from).equals(readFileSync(to)))
      throw new Error(`站点页面：${to} 已由一个部分生成，内容不同`);
  }
}
