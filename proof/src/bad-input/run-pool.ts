/** Takes items from `source` with `concurrency` workers, each awaiting `work` before taking the next. */
export async function runPool<T>(
  source: Iterator<T>,
  concurrency: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  const worker = async () => {
    for (let next = source.next(); !next.done; next = source.next()) await work(next.value);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}
