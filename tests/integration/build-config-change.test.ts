import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTempProject, runScript, type TempProject } from '../support/project-copy';

/**
 * Astro keeps each notice's validated data between builds and re-validates only changed files. A
 * change to the site configuration changes what unchanged notices mean: here 区科技局 becomes an
 * alias of a renamed issuer, so the page of a notice that still says 区科技局 must name the new
 * issuer after the next build.
 */
describe('a site configuration change reaches unchanged notices', () => {
  let project: TempProject;
  const issuerCell = () => {
    const html = readFileSync(
      join(project.root, 'dist/notices/11330602056860309P-2024-96040/index.html'),
      'utf8',
    );
    return /<th scope="row">发布机构<\/th><td>([^<]*)<\/td>/.exec(html)?.[1];
  };

  beforeAll(() => {
    project = createTempProject({ keepSampleNotices: true });
  });
  afterAll(() => project.remove());

  it('names the configured issuer before and after the rename', () => {
    const first = runScript('build', ['--root', project.root]);
    expect(first.status, first.stderr).toBe(0);
    expect(issuerCell()).toBe('区科技局');
    const config = join(project.root, 'src/content/site.config.ts');
    const text = readFileSync(config, 'utf8');
    const renamed = text.replace(
      "{ name: '区科技局', code: '11330602056860309P', aliases: [",
      "{ name: '越城区科学技术局', code: '11330602056860309P', aliases: ['区科技局', ",
    );
    expect(renamed).not.toBe(text);
    project.write(
      'src/content/site.config.ts',
      renamed.replace("'越城区科技局', '越城区科学技术局'", "'越城区科技局'"),
    );
    const second = runScript('build', ['--root', project.root]);
    expect(second.status, second.stderr).toBe(0);
    expect(issuerCell()).toBe('越城区科学技术局');
  });
});

describe('a site for a real domain', () => {
  it('does not build without its 网站标识码, says why in Chinese, and leaves dist/ alone; with one it builds', () => {
    const project = createTempProject({ keepSampleNotices: true });
    try {
      const file = 'src/content/site.config.ts';
      const config = readFileSync(join(project.root, file), 'utf8');
      project.write(
        file,
        config.replace(
          "url: 'https://gongkai.example.gov.cn',",
          "url: 'https://kjj.shaoxing.gov.cn',",
        ),
      );
      const r = runScript('build', ['--root', project.root]);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(
        '构建失败：站点地址 https://kjj.shaoxing.gov.cn 是正式域名，须在 src/content/site.config.ts 中填写网站标识码 siteIdCode',
      );
      expect(existsSync(join(project.root, 'dist'))).toBe(false);
      project.write(
        file,
        config.replace(
          "url: 'https://gongkai.example.gov.cn',",
          "url: 'https://kjj.shaoxing.gov.cn',\n  siteIdCode: '3306020001',",
        ),
      );
      const ok = runScript('build', ['--root', project.root]);
      expect(ok.status, ok.stderr).toBe(0);
      expect(readFileSync(join(project.root, 'dist/index.html'), 'utf8')).toContain(
        '<meta name="SiteIDCode" content="3306020001">',
      );
    } finally {
      project.remove();
    }
  });
});
