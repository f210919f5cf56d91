import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseSiteConfig, type SiteConfig } from '../model/site-config';
import { createNoticeSchema, type NoticeSchema } from '../model/notice-schema';
import { checkNoticeSource, type CheckedNotice } from './validate-notice';
import { checkAcrossNotices } from './cross-file-rules';
import { sortProblems, type Problem } from './problem';
import { spamProblems } from './spam-lint';
import { contentPolicyProblems } from './content-policy';

import { NOTICES_DIR, PUBLIC_DIR, SITE_CONFIG_FILE } from './paths';

const NOTICE_FILE = /\.mdx?$/;

/** Every notice file under the notices folder, as sorted root-relative paths with forward slashes. */
export function listNoticeFiles(root: string): string[] {
  const base = join(root, NOTICES_DIR);
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || entry.name.startsWith('_')) continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (NOTICE_FILE.test(entry.name)) out.push(toProjectPath(root, full));
    }
  };
  if (existsSync(base)) walk(base);
  return out.sort();
}

export function toProjectPath(root: string, file: string): string {
  return relative(root, resolve(root, file)).split(sep).join('/');
}

export async function loadSiteConfig(root: string): Promise<SiteConfig> {
  const file = join(root, SITE_CONFIG_FILE);
  const mod = (await import(pathToFileURL(file).href)) as { default: unknown };
  return parseSiteConfig(mod.default, SITE_CONFIG_FILE);
}

/** Every single-file rule for one notice: the content model, the spam lint and the content policy. */
export function checkNoticeFile(
  file: string,
  source: string,
  schema: NoticeSchema,
  categories: readonly string[],
): { notice: CheckedNotice; problems: Problem[] } {
  const notice = checkNoticeSource(source, file, schema, categories);
  return {
    notice,
    problems: [
      ...notice.problems,
      ...spamProblems(file, notice.parsed),
      ...contentPolicyProblems(file, source, notice.data?.attachments.length ?? 0),
    ],
  };
}

export interface ProjectCheck {
  notices: CheckedNotice[];
  problems: Problem[];
}

/**
 * Checks every notice of a project (all rules), reporting problems only for `only` when given:
 * cross-file rules still see every notice, so a duplicate 索引号 is found either way.
 */
export function checkNotices(root: string, config: SiteConfig, only?: readonly string[]): ProjectCheck {
  const categories = config.categories.map((c) => c.name);
  const schema = createNoticeSchema(categories);
  const files = listNoticeFiles(root);
  const checked = files.map((file) => checkNoticeFile(file, readFileSync(join(root, file), 'utf8'), schema, categories));
  const notices = checked.map((c) => c.notice);
  const publicDir = join(root, PUBLIC_DIR);
  const exists = (p: string) => {
    try {
      return statSync(join(publicDir, p)).isFile();
    } catch {
      return false;
    }
  };
  let problems = [...checked.flatMap((c) => c.problems), ...checkAcrossNotices(notices, exists)];
  if (only) {
    const wanted = new Set(only.map((f) => toProjectPath(root, f)));
    problems = problems.filter((p) => wanted.has(p.file));
  }
  return { notices, problems: sortProblems(problems) };
}
