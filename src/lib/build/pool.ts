/** Runs `task` over `items`, at most `concurrency` at a time (two cores: two processes). Results in item order. */
export async function runPool<T, R>(
  items: readonly T[],
  concurrency: number,
  task: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, async () => {
      for (let i = next++; i < items.length; i = next++) results[i] = await task(items[i]!, i);
    }),
  );
  return results;
}
