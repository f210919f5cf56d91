import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  generateCorpus,
  generatedIssuers,
  type CorpusOptions,
  type GeneratedNotice,
} from '../src/lib/corpus/generate';
import { createTempProject, PROJECT_ROOT, type TempProject } from '../tests/support/project-copy';
import sampleConfig from '../src/content/site.config';

type Issuer = { name: string; code?: string; aliases?: string[] };

function withSampleIssuers(generated: readonly Issuer[]): Issuer[] {
  const samples = (sampleConfig.issuers ?? []) as Issuer[];
  const sample = new Map(samples.map((i) => [i.name, i]));
  return [
    ...generated.map((g) =>
      sample.has(g.name) ? { name: g.name, aliases: sample.get(g.name)!.aliases ?? [] } : g,
    ),
    ...samples.filter((s) => !generated.some((g) => g.name === s.name)),
  ];
}

/**
 * A project copy at `root` (replaced if present) holding a generated corpus instead of the sample
 * notices; with `withSamples`, the sample notices too (under notices/sample/), and the sample
 * site's issuers configured beside the generated ones (a name both use keeps no code, so either
 * code's 索引号 passes).
 */
export function writeCorpusProject(
  root: string,
  options: CorpusOptions & { withSamples?: boolean },
): { project: TempProject; notices: GeneratedNotice[] } {
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
  issuers: ${JSON.stringify(options.withSamples ? withSampleIssuers(generatedIssuers()) : generatedIssuers())},
});
`,
  );
  if (options.withSamples)
    cpSync(join(PROJECT_ROOT, 'src/content/notices'), join(root, 'src/content/notices/sample'), {
      recursive: true,
    });
  return { project, notices };
}
