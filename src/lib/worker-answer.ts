import { Worker } from 'node:worker_threads';

/**
 * Runs a worker thread's module with `workerData` and resolves with the one message it posts;
 * rejects if it throws or exits without answering. Only under tsx when the module is TypeScript
 * (the CLIs).
 */
export function workerAnswer<T>(module: URL, workerData: unknown): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(module, { workerData });
    worker.once('message', (answer: T) => {
      resolve(answer);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) =>
      reject(new Error(`${module.pathname} exited with ${code} without answering`)),
    );
  });
}
