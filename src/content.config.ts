import { defineCollection } from 'astro:content';
import { glob, type Loader } from 'astro/loaders';
import { readFile } from 'node:fs/promises';
import siteConfig from './content/site.config';
import { parseSiteConfig } from './lib/model/site-config';
import { createNoticeSchema } from './lib/model/notice-schema';
import { noticeModel } from './lib/model/notice-model';
import { parseNotice } from './lib/content/frontmatter';
import { indexNoSlug } from './lib/model/index-no';
import { NOTICES_DIR } from './lib/content/paths';
import { leadBlocks } from './lib/site/format';
import { buildRole } from './lib/build/build-role';
import { exactFilePatterns, type SiteMetadata } from './lib/build/partitions';
import { relative, sep } from 'node:path';
import { checkNoticeFile } from './lib/content/project';
import { formatProblemsText } from './lib/content/problem';
import { devBroken, devBrokenSlug } from './lib/content/dev-broken';

const config = parseSiteConfig(siteConfig);
const role = buildRole();
/** `astro dev` (npm run dev), where a broken notice is reported rather than fatal. */
const DEV = import.meta.env.DEV;
// One model and schema for the collection and, in dev, the loader's own check.
const model = noticeModel(config);
const schema = createNoticeSchema(model);

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
        return (entry: { body?: string }) =>
          value.call(target, {
            ...entry,
            body: entry.body === undefined ? undefined : leadBlocks(entry.body),
          });
      }
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** Astro passes glob() its content entry types (not in LoaderContext's public type). */
type EntryType = { getEntryInfo: (args: { contents: string; fileUrl: URL }) => Promise<unknown> };
type EntryTypes = Map<string, EntryType>;

/** Entry types whose getEntryInfo gives empty data instead of throwing (a YAML error): the check reports the file. */
function lenientEntryTypes(types: EntryTypes): EntryTypes {
  return new Map(
    [...types].map(([ext, type]) => [
      ext,
      {
        ...type,
        getEntryInfo: async (args: { contents: string; fileUrl: URL }) => {
          try {
            return await type.getEntryInfo(args);
          } catch {
            return { body: '', data: {}, rawData: '', slug: '' };
          }
        },
      },
    ]),
  );
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
    generateId: ({ entry, data }) =>
      typeof data.indexNo === 'string' ? indexNoSlug(data.indexNo) : entry,
  });
  return {
    ...base,
    load: (context) =>
      base.load({
        ...context,
        store: leanStore(context.store),
        // npm run dev: Astro's own frontmatter parse (js-yaml) must not throw on a broken file; parseData below reports it.
        ...(DEV
          ? {
              entryTypes: lenientEntryTypes(
                (context as unknown as { entryTypes: EntryTypes }).entryTypes,
              ),
            }
          : {}),
        parseData: async (props) => {
          const source = await readFile(props.filePath!, 'utf8');
          if (DEV) {
            // `npm run dev`: a broken notice must not stop the server. It is kept aside with the
            // check's own report, shown in the terminal and on the notice's page.
            const file = relative(process.cwd(), props.filePath!).split(sep).join('/');
            const { problems } = checkNoticeFile(file, source, schema, model);
            if (problems.length) {
              const marker = devBroken(file, problems, parseNotice(source).data);
              console.error(
                `\n${formatProblemsText(problems)}\n（${file} 有 ${problems.length} 处问题，未通过检查；浏览器中查看：/notices/${devBrokenSlug(marker, indexNoSlug)}/）\n`,
              );
              return marker as unknown as typeof props.data;
            }
          }
          const parsed = parseNotice(source);
          if (parsed.data === null) {
            throw new Error(
              `${props.filePath}: ${parsed.errors.map((e) => e.message).join('；')}（请运行 npm run check）`,
            );
          }
          // Same call as glob() makes, with the data this project parsed itself.
          return context.parseData({ ...props, data: parsed.data as typeof props.data });
        },
      }),
  };
}

/**
 * The "site" process of a partitioned or incremental build renders no notice page, except, in an
 * incremental build, those of the changed notices: its store holds only those, loaded whole from
 * their files. Every other notice is the data `npm run check` validated (with the same schema) and
 * its body's lead, from the file the build wrote (src/data/site.ts noticeEntries()).
 */
const fromMetadata = (metadata: SiteMetadata): Loader => {
  const files = metadata.notices?.files.length ? fromFiles(metadata.notices.files) : null;
  return {
    name: 'gongkai-notice-metadata',
    // glob() drops every entry but those of its files.
    load: async (context) => (files ? files.load(context) : context.store.clear()),
  };
};

const notices = defineCollection({
  loader:
    role.kind === 'site'
      ? fromMetadata(role.metadata)
      : fromFiles(role.kind === 'notices' ? role.part.files : undefined),
  schema,
});

export const collections = { notices };
