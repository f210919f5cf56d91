import { loadSiteConfig } from '../../src/lib/content/project';
import type { SiteConfig } from '../../src/lib/model/site-config';

/** The project's site configuration, or its Chinese problem report and exit code 2 (no stack trace for an editor to read). */
export async function siteConfigOrExit(root: string): Promise<SiteConfig> {
  try {
    return await loadSiteConfig(root);
  } catch (err) {
    console.error((err as Error).message);
    console.error('The site configuration could not be read (see above).');
    process.exit(2);
  }
}
