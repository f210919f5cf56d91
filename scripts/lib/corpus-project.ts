import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { generateCorpus, generatedIssuers, type CorpusOptions, type GeneratedNotice } from '../../src/lib/corpus/generate';
import { createTempProject, type TempProject } from './project-copy';

/** A project copy at `root` (replaced if present) holding a generated corpus instead of the sample notices. */
export function writeCorpusProject(root: string, options: CorpusOptions): { project: TempProject; notices: GeneratedNotice[] } {
  rmSync(root, { recursive: true, force: true });
  const project = createTempProject({ root });
  const notices = generateCorpus(options);
  for (const n of notices) project.write(join('src/content/notices', n.path), n.content);
  // Which notice a bench edits for the rebuild measurement.
  project.write('.bench-first', notices[0]!.path);
  project.write(
    'src/content/site.config.ts',
    `import { DEFAULT_CATEGORIES, defineSiteConfig } from '../lib/model/site-config';
export default defineSiteConfig({
  name: '生成语料站点',
  owner: '测试单位',
  url: 'https://gongkai.example.gov.cn',
  categories: [...DEFAULT_CATEGORIES],
  issuers: ${JSON.stringify(generatedIssuers())},
});
`,
  );
  return { project, notices };
}
