/** Where a gongkai project keeps things, relative to its root. */
export const NOTICES_DIR = 'src/content/notices';
export const SITE_CONFIG_FILE = 'src/content/site.config.ts';
export const PUBLIC_DIR = 'public';
