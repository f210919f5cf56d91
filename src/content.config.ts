import { defineCollection } from 'astro:content';
import { glob, type Loader } from 'astro/loaders';
import { readFile } from 'node:fs/promises';
import siteConfig from './content/site.config';
import { parseSiteConfig } from './lib/model/site-config';
import { createNoticeSchema } from './lib/model/notice-schema';
import { parseNotice } from './lib/content/frontmatter';
import { indexNoSlug } from './lib/model/index-no';
import { NOTICES_DIR } from './lib/content/paths';
import { leadBlocks } from './lib/site/format';
import { buildRole } from './lib/build/build-role';
import { exactFilePatterns, type SiteMetadata } from './lib/build/partitions';

const config = parseSiteConfig(siteConfig);
const role = buildRole();

/**
 * The store keeps only the start of each body (leadBlocks: what descriptions are made from).
 * Pages render from `rendered` or the MDX module; whole bodies made the store of 100,000 notices
 * larger than a JavaScript string can hold, and Astro could not write it.
 */
function leanStore<T extends object>(store: T): T {
  return new Proxy(store, {
    get(target, key) {
      const value = Reflect.get(target, key, target) as unknown;
      if (key === 'set' && typeof value === 'function') {
        return (entry: { body?: string }) => value.call(target, { ...entry, body: entry.body === undefined ? undefined : leadBlocks(entry.body) });
      }
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/**
 * The glob() loader, with frontmatter re-read by gongkai's own parser: every scalar stays text,
 * exactly as `npm run check` sees it (Astro's YAML parser would turn 2024-02-30 into 1 March).
 * A process of a partitioned or incremental build loads only its part's files.
 */
function fromFiles(files?: readonly string[]): Loader {
  const base = glob({
    pattern: files ? exactFilePatterns(files) : '**/[^_.]*.{md,mdx}',
    base: `./${NOTICES_DIR}`,
    // The 索引号 is the notice's identity and URL; it never changes.
    generateId: ({ entry, data }) => (typeof data.indexNo === 'string' ? indexNoSlug(data.indexNo) : entry),
  });
  return {
    ...base,
    load: (context) =>
      base.load({
        ...context,
        store: leanStore(context.store),
        parseData: async (props) => {
          const parsed = parseNotice(await readFile(props.filePath!, 'utf8'));
          if (parsed.data === null) {
            throw new Error(`${props.filePath}: ${parsed.errors.map((e) => e.message).join('；')}（请运行 npm run check）`);
          }
          // Same call as glob() makes, with the data this project parsed itself.
          return context.parseData({ ...props, data: parsed.data as typeof props.data });
        },
      }),
  };
}

/**
 * The "site" process of a partitioned or incremental build: its entries are the data `npm run
 * check` validated (with the same schema) and each body's lead, from the file the build wrote.
 * It renders no notice page, except, in an incremental build, those of the changed notices, which
 * it loads whole from their files.
 */
const fromMetadata = (metadata: SiteMetadata): Loader => {
  const files = metadata.notices?.files.length ? fromFiles(metadata.notices.files) : null;
  return {
    name: 'gongkai-notice-metadata',
    load: async (context) => {
      // The notices it renders pages for come whole from their files (glob() drops every other entry).
      if (files) await files.load(context);
      else context.store.clear();
      const loaded = new Set(context.store.keys());
      for (const e of metadata.entries) if (!loaded.has(e.id)) context.store.set({ id: e.id, data: e.data as unknown as Record<string, unknown>, body: e.lead });
    },
  };
};

const notices = defineCollection({
  loader: role.kind === 'site' ? fromMetadata(role.metadata) : fromFiles(role.kind === 'notices' ? role.part.files : undefined),
  schema: createNoticeSchema(config),
});

export const collections = { notices };
