import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTempProject, runScript, type TempProject } from '../support/project-copy';
import { noticeSource } from '../helpers/notice';
import { CACHE_DIR } from '../../src/lib/content/check-cache';

/** The check's per-file cache must never change what the check reports. */
describe('npm run check with its result cache', () => {
  let project: TempProject;
  const check = () => {
    const r = runScript('check', ['--root', project.root, '--format', 'json']);
    return {
      status: r.status,
      problems: JSON.parse(r.stdout) as Array<{
        file: string;
        field: string;
        line: number | null;
        message: string;
      }>,
    };
  };
  beforeAll(() => {
    project = createTempProject({
      keepSampleNotices: true,
      notices: {
        'bad.md': noticeSource({ indexNo: '11330602056860309P/2024-90100', date: '2024-02-30' }),
        'dup.md': noticeSource({ indexNo: '11330602056860309P/2024-96040' }), // same 索引号 as seed 000
      },
    });
  });
  afterAll(() => project.remove());

  it('reports the same problems from the cache as without it', () => {
    const cold = check();
    expect(existsSync(join(project.root, CACHE_DIR, 'results.json'))).toBe(true);
    const warm = check();
    expect(warm).toEqual(cold);
    expect(cold.status).toBe(1);
    expect(cold.problems.map((p) => `${p.file}:${p.field}`)).toEqual(
      expect.arrayContaining([
        'src/content/notices/bad.md:date',
        'src/content/notices/dup.md:indexNo',
        'src/content/notices/2024/11330602056860309P-2024-96040.md:indexNo',
      ]),
    );
  });

  it('re-checks a changed file, also one whose size did not change', async () => {
    const file = join(project.root, 'src/content/notices/2024/gongzuo-dongtai-keji-zhoubao.md');
    const original = readFileSync(file, 'utf8');
    // Files older than the cache's two seconds of doubt are known by their size and times, unread.
    await new Promise((r) => setTimeout(r, 2100));
    check();
    expect(
      JSON.parse(readFileSync(join(project.root, CACHE_DIR, 'files.json'), 'utf8')).files[
        'src/content/notices/2024/gongzuo-dongtai-keji-zhoubao.md'
      ],
    ).toBeDefined();
    writeFileSync(file, original.replace('date: 2024-05-09', 'date: 2024-13-09'));
    expect(
      check().problems.some(
        (p) => p.file.endsWith('gongzuo-dongtai-keji-zhoubao.md') && p.field === 'date',
      ),
    ).toBe(true);
    writeFileSync(file, original);
    expect(check().problems.some((p) => p.file.endsWith('gongzuo-dongtai-keji-zhoubao.md'))).toBe(
      false,
    );
  });

  it('a change to the site’s categories invalidates every cached result', () => {
    const config = join(project.root, 'src/content/site.config.ts');
    writeFileSync(
      config,
      readFileSync(config, 'utf8').replace(
        'categories: [...DEFAULT_CATEGORIES]',
        "categories: DEFAULT_CATEGORIES.filter((c) => c.name !== '通知公告')",
      ),
    );
    const r = check();
    expect(
      r.problems.some((p) => p.file.endsWith('keji-pingjia-tongzhi.md') && p.field === 'category'),
    ).toBe(true);
  });
});
