import { join } from 'node:path';
import { createTempProject, runScript, type TempProject } from '../../scripts/lib/project-copy';
import { serveStatic } from '../../scripts/lib/static-server';

/** Builds a copy of the project with its sample content and serves the result on 127.0.0.1. */
export async function buildAndServe(): Promise<{ project: TempProject; url: string; dist: string; close: () => Promise<void> }> {
  const project = createTempProject({ keepSampleNotices: true });
  const r = runScript('build', ['--root', project.root]);
  if (r.status !== 0) throw new Error(`build failed:\n${r.stderr}`);
  const dist = join(project.root, 'dist');
  const server = await serveStatic(dist);
  return {
    project,
    url: server.url,
    dist,
    close: async () => {
      await server.close();
      project.remove();
    },
  };
}
