/**
 * A worker thread of `npm run build`: checks every page's links (link-check.ts findBrokenLinks)
 * while the main thread writes the search tables (finish-site.ts). Neither reads what the other
 * writes: the tables are not pages, and no page links to them. At 100,000 notices the check alone
 * is ~70 s of one core.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { findBrokenLinks } from './link-check';

const { dir, pages, site } = workerData as { dir: string; pages: string[]; site: string };
parentPort!.postMessage(findBrokenLinks(dir, pages, site));
