import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { TWIN_OUT_ENV } from './care-twin-middleware';

/**
 * The Astro integration of care twins (src/lib/site/care-twins.ts): a build renders each reading
 * page once, and its middleware (care-twin-middleware.ts) writes the standard page and the care page
 * from it as Astro writes the page.
 */
export function careTwins(): AstroIntegration {
  let outDir = '';
  return {
    name: 'gongkai:care-twins',
    hooks: {
      'astro:config:setup': ({ addMiddleware }) => {
        addMiddleware({
          entrypoint: fileURLToPath(new URL('./care-twin-middleware.ts', import.meta.url)),
          order: 'post',
        });
      },
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
      },
      // Builds only: `npm run dev` renders each mode and writes nothing.
      'astro:build:start': () => {
        process.env[TWIN_OUT_ENV] = outDir;
      },
    },
  };
}
