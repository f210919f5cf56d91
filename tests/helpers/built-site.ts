import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import {
  createTempProject,
  PROJECT_ROOT,
  runScript,
  type TempProject,
} from '../support/project-copy';
import { launchChromium } from '../support/chromium';
import { serveStatic } from '../support/static-server';

/** Builds a copy of the project with its sample content and serves the result on 127.0.0.1. */
export async function buildAndServe(): Promise<{
  project: TempProject;
  url: string;
  dist: string;
  close: () => Promise<void>;
}> {
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

/** Where browser tests leave screenshots for people to look at (kept out of git). */
export const SCREENSHOTS = join(PROJECT_ROOT, 'screenshots');

export type BuiltSite = Awaited<ReturnType<typeof buildAndServe>>;

/**
 * A suite's shared setup: the sample site built and served, and Chromium, handed to `take` before
 * the tests run and closed after them.
 */
export function withBuiltSiteInChromium(take: (site: BuiltSite, browser: Browser) => void): void {
  let site: BuiltSite | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    site = await buildAndServe();
    browser = await launchChromium();
    mkdirSync(SCREENSHOTS, { recursive: true });
    take(site, browser);
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });
}
