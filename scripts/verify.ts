/**
 * npm run verify -- <dir or URL> [--manifest FILE]
 * Re-hashes a deployed copy of the site and compares it with the trusted integrity manifest
 * (default: the last build's dist/integrity-manifest.json; keep a copy off the web server).
 * Reports every file added, changed or missing; exit 1 if any.
 * Over HTTP, files are found by the manifest and by following every internal link of the
 * fetched pages, so an added file is found when anything links to it.
 */
import { parseArgs } from 'node:util';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  diffManifest,
  listFiles,
  MANIFEST_FILE,
  sha256,
  type Manifest,
} from '../src/lib/build/manifest';

const { values, positionals } = parseArgs({
  options: { manifest: { type: 'string' } },
  allowPositionals: true,
});
const target = positionals[0];
if (!target) {
  console.error('用法：npm run verify -- <已部署的目录或网址> [--manifest 可信清单]');
  process.exit(2);
}
const manifestPath = resolve(values.manifest ?? join('dist', MANIFEST_FILE));
if (!existsSync(manifestPath)) {
  console.error(
    `找不到可信的完整性清单 ${manifestPath}（先运行 npm run build，或用 --manifest 指定）。`,
  );
  process.exit(2);
}
const trusted = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;

async function fromDirectory(dir: string): Promise<Record<string, string>> {
  const found: Record<string, string> = {};
  for (const f of listFiles(dir)) found[f] = sha256(readFileSync(join(dir, f)));
  return found;
}

async function fromUrl(base: string): Promise<Record<string, string | null>> {
  const origin = new URL(base);
  const found: Record<string, string | null> = {};
  const queue = Object.keys(trusted.files);
  const seen = new Set(queue);
  const toUrl = (path: string) => new URL(path.replace(/(^|\/)index\.html$/, '$1'), origin).href;
  async function visit(path: string): Promise<void> {
    const res = await fetch(toUrl(path), { redirect: 'manual' });
    if (res.status !== 200) {
      found[path] = null;
      return;
    }
    const body = new Uint8Array(await res.arrayBuffer());
    found[path] = sha256(body);
    if (!path.endsWith('.html')) return;
    // Follow internal links to find files the manifest does not know.
    const html = new TextDecoder().decode(body);
    for (const m of html.matchAll(/\s(?:href|src)="([^"#?]*)/g)) {
      const u = new URL(m[1]!, new URL(toUrl(path)));
      if (u.origin !== origin.origin) continue;
      let p = decodeURIComponent(u.pathname).replace(/^\//, '');
      if (p === '' || p.endsWith('/')) p += 'index.html';
      if (!seen.has(p)) {
        seen.add(p);
        queue.push(p);
      }
    }
  }
  const workers = Array.from({ length: 8 }, async () => {
    for (let p = queue.shift(); p !== undefined; p = queue.shift()) await visit(p);
  });
  await Promise.all(workers);
  return found;
}

const found = /^https?:\/\//.test(target)
  ? await fromUrl(target)
  : await fromDirectory(resolve(target));
const diff = diffManifest(trusted, found);
const total = diff.added.length + diff.changed.length + diff.missing.length;
for (const [label, list] of [
  ['新增（清单中没有）', diff.added],
  ['被改动', diff.changed],
  ['缺失', diff.missing],
] as const) {
  if (list.length)
    console.log(`${label} ${list.length} 个：\n${list.map((f) => `  ${f}`).join('\n')}`);
}
if (total) {
  console.log(
    `\n校验未通过：${total} 个文件与可信清单不符（共 ${Object.keys(trusted.files).length} 个）。`,
  );
  console.log(
    `Verification failed: ${diff.added.length} added, ${diff.changed.length} changed, ${diff.missing.length} missing.`,
  );
  process.exitCode = 1;
} else {
  console.log(`校验通过：${Object.keys(trusted.files).length} 个文件与可信清单一致。`);
  console.log('Verification passed.');
}
