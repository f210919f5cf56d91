/**
 * npm run generate-corpus -- --out DIR [--notices 1000] [--seed N] [--mdx-share 0.1]
 * Writes a project copy at DIR whose notices are a generated corpus (fixed seed, reproducible).
 * Its site config lists the generated issuers, so `npm run check -- --root DIR` and
 * `npm run build -- --root DIR` work on it directly.
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { writeCorpusProject } from './corpus-project';

const { values } = parseArgs({
  options: {
    out: { type: 'string' },
    notices: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '20240812' },
    'mdx-share': { type: 'string', default: '0.1' },
  },
});
if (!values.out) {
  console.error(
    '请用 --out 指定输出目录。 Usage: npm run generate-corpus -- --out DIR [--notices N]',
  );
  process.exit(2);
}
const count = Number(values.notices);
const out = resolve(values.out);
writeCorpusProject(out, {
  count,
  seed: Number(values.seed),
  mdxShare: Number(values['mdx-share']),
});
console.log(`已生成 ${count} 篇公开信息：${out}`);
