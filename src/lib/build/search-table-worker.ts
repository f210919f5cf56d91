/**
 * A worker thread of `npm run build`: collects the search tables' passes it is sent, one at a time
 * (search-tables.ts collectPass), and posts each one's result; the main thread writes them in pass
 * order (search-table-workers.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { collectPass, type PassInput } from './search-tables';

const { input } = workerData as { input: PassInput };
parentPort!.on('message', (pass: number) => {
  const r = collectPass(input, pass);
  parentPort!.postMessage({ pass, result: r }, [
    r.grams.buffer,
    r.fourth.buffer,
    r.docs.buffer,
    r.occurrences.buffer,
    r.sizes.buffer,
    r.blob.buffer,
  ] as ArrayBuffer[]);
});
