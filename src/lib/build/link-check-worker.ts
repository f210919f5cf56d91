/**
 * A worker thread of `npm run build`: lists the pages and checks their links (link-check.ts findBrokenLinks)
 * while the main thread writes the search tables (finish-site.ts). Neither reads what the other
 * writes: the tables are not pages, and no page links to them. At 100,000 notices the check alone
 * is ~70 s of one core.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { findBrokenLinks } from './link-check';
import { listFiles } from './manifest';

const { dir, site } = workerData as { dir: string; site: string };
// The tables add no page, so listing while they are written finds every page (360,000 files: ~4 s).
const pages = listFiles(dir).filter((f) => f.endsWith('.html'));
parentPort!.postMessage(findBrokenLinks(dir, pages, site));
