import { Worker } from 'node:worker_threads';
import type { PassInput, PassResult } from './search-tables';

/**
 * The search tables' passes collected on `threads` worker threads (search-table-worker.ts), each
 * thread sent the next pass when it is free, and handed to `take` in pass order (a pass that ends
 * early waits for the ones before it). Rejects with the first error.
 */
export function collectPassesInWorkers(
  input: PassInput,
  threads: number,
  take: (r: PassResult) => void,
): Promise<void> {
  const count = Math.max(1, Math.min(threads, input.passes));
  const waiting = new Map<number, PassResult>();
  let sent = 0;
  let taken = 0;
  let settled = false;
  return new Promise((resolve, reject) => {
    const workers: Worker[] = [];
    const end = (err?: unknown) => {
      if (settled) return;
      settled = true;
      for (const w of workers) void w.terminate();
      if (err) reject(err);
      else resolve();
    };
    const send = (worker: Worker) => {
      if (sent < input.passes) worker.postMessage(sent++);
    };
    for (let t = 0; t < count; t++) {
      const worker = new Worker(new URL('./search-table-worker.ts', import.meta.url), {
        workerData: { input },
        // Under tsx (the CLIs) the loader is inherited; elsewhere (tests) it is added.
        execArgv: process.execArgv.some((a) => a.includes('tsx'))
          ? process.execArgv
          : [...process.execArgv, '--import', 'tsx'],
      });
      workers.push(worker);
      worker.on('message', ({ pass, result }: { pass: number; result: PassResult }) => {
        send(worker);
        waiting.set(pass, result);
        try {
          while (waiting.has(taken)) {
            const r = waiting.get(taken)!;
            waiting.delete(taken++);
            take(r);
          }
        } catch (err) {
          end(err);
          return;
        }
        if (taken === input.passes) end();
      });
      worker.once('error', end);
      worker.once('exit', (code) => {
        if (!settled) end(new Error(`搜索表线程意外退出（${code}）`));
      });
      send(worker);
    }
  });
}
