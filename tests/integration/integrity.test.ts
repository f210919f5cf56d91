import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cpSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  unlinkSync,
  writeFileSync,
  mkdirSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createTempProject,
  runScript,
  runScriptAsync,
  type TempProject,
} from '../support/project-copy';
import { serveStatic } from '../helpers/static-server';
import { findBrokenLinks } from '../../src/lib/build/link-check';
import { listFiles, MANIFEST_FILE } from '../../src/lib/build/manifest';
import { noticeSource } from '../helpers/notice';

let project: TempProject;
let dist: string;
let manifest: string;

beforeAll(() => {
  project = createTempProject({ keepSampleNotices: true });
  const r = runScript('build', ['--root', project.root]);
  if (r.status !== 0) throw new Error(r.stderr);
  dist = join(project.root, 'dist');
  // The trusted copy, kept away from the "server".
  manifest = join(mkdtempSync(join(tmpdir(), 'gongkai-trusted-')), MANIFEST_FILE);
  cpSync(join(dist, MANIFEST_FILE), manifest);
});
afterAll(() => project.remove());

/** A deployed copy with one byte changed, one file added and one deleted. */
function tamperedCopy(): string {
  const copy = join(mkdtempSync(join(tmpdir(), 'gongkai-deployed-')), 'site');
  cpSync(dist, copy, { recursive: true });
  const page = join(copy, 'notices/11330602056860309P-2024-96040/index.html');
  const bytes = readFileSync(page);
  const at = bytes.indexOf(Buffer.from('越城区'));
  bytes[at] = bytes[at]! ^ 0x01;
  writeFileSync(page, bytes);
  mkdirSync(join(copy, 'promo'));
  writeFileSync(join(copy, 'promo/index.html'), '<!doctype html><title>188体育</title>');
  unlinkSync(join(copy, 'files/keji-pingjia-zhinan.txt'));
  return copy;
}

describe('npm run verify', () => {
  it('passes on an untouched copy', () => {
    const r = runScript('verify', [dist, '--manifest', manifest]);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('校验通过');
  });

  it('names exactly the changed, added and missing files of a directory', () => {
    const copy = tamperedCopy();
    const r = runScript('verify', [copy, '--manifest', manifest]);
    rmSync(join(copy, '..'), { recursive: true, force: true });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('新增（清单中没有） 1 个：\n  promo/index.html');
    expect(r.stdout).toContain('被改动 1 个：\n  notices/11330602056860309P-2024-96040/index.html');
    expect(r.stdout).toContain('缺失 1 个：\n  files/keji-pingjia-zhinan.txt');
    expect(r.stdout).toMatch(/校验未通过：3 个文件/);
  });

  it('checks a site over HTTP, finding added files that pages link to', async () => {
    const copy = tamperedCopy();
    // The defacer links the injected page from the home page (which is then changed too).
    const home = join(copy, 'index.html');
    writeFileSync(
      home,
      readFileSync(home, 'utf8').replace('</main>', '<a href="/promo/">优惠</a></main>'),
    );
    const server = await serveStatic(copy);
    const r = await runScriptAsync('verify', [server.url + '/', '--manifest', manifest]);
    await server.close();
    rmSync(join(copy, '..'), { recursive: true, force: true });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('新增（清单中没有） 1 个：\n  promo/index.html');
    expect(r.stdout).toContain(
      '被改动 2 个：\n  index.html\n  notices/11330602056860309P-2024-96040/index.html',
    );
    expect(r.stdout).toContain('缺失 1 个：\n  files/keji-pingjia-zhinan.txt');
  });
});

describe('link integrity', () => {
  it('a crawl of the built site finds no broken internal link or attachment', () => {
    const pages = listFiles(dist).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(50);
    expect(findBrokenLinks(dist, pages, 'https://gongkai.example.gov.cn')).toEqual([]);
  });

  it('a notice linking to a page that does not exist fails the build, named', () => {
    const p = createTempProject({ keepSampleNotices: true });
    p.write(
      'src/content/notices/2024/broken-link.md',
      noticeSource(
        { indexNo: '11330602056860309P/2024-90010' },
        '详见[旧通知](/notices/does-not-exist/)。\n',
      ),
    );
    const r = runScript('build', ['--root', p.root]);
    p.remove();
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      'notices/11330602056860309P-2024-90010/index.html：链接 /notices/does-not-exist/ 指向的文件不存在',
    );
  });
});
