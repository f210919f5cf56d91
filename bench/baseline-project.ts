import { cpSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../tests/support/project-copy';

/**
 * The baseline for `npm run bench`: the obvious Astro 7 + Pagefind site over the same notices — a
 * glob collection without checks, one page per notice, `pagefind --site dist` — built with the
 * same toolchain (node_modules linked).
 */
export function writeBaselineProject(root: string, noticesDir: string): void {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(join(root, 'src/pages/notices'), { recursive: true });
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
  cpSync(noticesDir, join(root, 'src/content/notices'), { recursive: true });
  writeFileSync(
    join(root, 'package.json'),
    '{ "name": "baseline", "private": true, "type": "module" }\n',
  );
  writeFileSync(
    join(root, 'astro.config.mjs'),
    "import { defineConfig } from 'astro/config';\nimport mdx from '@astrojs/mdx';\nexport default defineConfig({ site: 'https://example.gov.cn', cacheDir: './.cache', integrations: [mdx()] });\n",
  );
  writeFileSync(
    join(root, 'src/content.config.ts'),
    "import { defineCollection } from 'astro:content';\nimport { glob } from 'astro/loaders';\nexport const collections = { notices: defineCollection({ loader: glob({ pattern: '**/*.{md,mdx}', base: './src/content/notices' }) }) };\n",
  );
  // The corpus's MDX uses gongkai's component names; the baseline renders them as plain boxes.
  writeFileSync(join(root, 'src/pages/Box.astro'), '<div><slot /></div>\n');
  writeFileSync(
    join(root, 'src/pages/notices/[...id].astro'),
    `---
import { getCollection, render } from 'astro:content';
import Box from '../Box.astro';
export async function getStaticPaths() {
  return (await getCollection('notices')).map((entry) => ({ params: { id: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
---
<html lang="zh"><head><meta charset="utf-8" /><title>{entry.data.title}</title></head>
<body><main data-pagefind-body><h1>{entry.data.title}</h1><Content components={{ 落款: Box, 图: Box, 提示: Box, 附件: Box }} /></main></body></html>
`,
  );
  writeFileSync(
    join(root, 'src/pages/index.astro'),
    `---
import { getCollection } from 'astro:content';
const notices = await getCollection('notices');
---
<html lang="zh"><head><meta charset="utf-8" /><title>baseline</title></head><body><ul>{notices.slice(0, 50).map((n) => <li><a href={'/notices/' + n.id + '/'}>{n.data.title}</a></li>)}</ul></body></html>
`,
  );
}
