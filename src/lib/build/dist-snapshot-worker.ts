/**
 * A worker thread of `npm run build`: reads dist/'s listing (dist-listing.ts: the saved one
 * checked by a stat per file and folder, or a whole walk) while the main thread checks the notices.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readListing } from './dist-listing';
import { fingerprintOf } from './incremental';

const { dir, work } = workerData as { dir: string; work: string };
const listing = readListing(dir, work);
parentPort!.postMessage({ listing, fingerprint: fingerprintOf(listing.files) });
