/**
 * A worker thread of `npm run build`: reads dist/'s snapshot (incremental.ts snapshotDist) while
 * the main thread checks the notices. At 100,000 notices it is 360,000 stats, ~4 s.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { fingerprintOf, snapshotDist } from './incremental';

const snapshot = snapshotDist((workerData as { dir: string }).dir);
parentPort!.postMessage({ snapshot, fingerprint: fingerprintOf(snapshot) });
