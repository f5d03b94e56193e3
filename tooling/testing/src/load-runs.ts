// Load runs for benchmarks and the proof: percentiles, worker pools, sequential latency runs.

export function percentile(sortedMs: number[], p: number): number {
  if (sortedMs.length === 0) return NaN;
  const index = Math.min(sortedMs.length - 1, Math.ceil((p / 100) * sortedMs.length) - 1);
  return sortedMs[Math.max(0, index)]!;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** One run of a pool: what was asked, what succeeded, and the rate and latencies of the whole. */
export interface PoolRun {
  count: number;
  ok: number;
  failed: number;
  /** The first failure's message, so a broken run says why. */
  firstError?: string;
  /** Successful operations per second of wall time. */
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
}

/** The median rate and latencies over a benchmark's rounds, so one noisy round does not decide. */
export function medianOfRuns(runs: Pick<PoolRun, 'perSecond' | 'p50' | 'p99'>[]) {
  return {
    perSecond: median(runs.map((r) => r.perSecond)),
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
  };
}

/**
 * Runs `task(i)` for i in [0, count) with `concurrency` in flight. A task that throws is counted
 * as failed (the run goes on), so a caller can report how many of the asked operations happened.
 */
export async function runPool(
  count: number,
  concurrency: number,
  task: (i: number) => Promise<void>,
): Promise<PoolRun> {
  const latencies: number[] = [];
  let next = 0;
  let failed = 0;
  let firstError: string | undefined;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < count; i = next++) {
        const t0 = performance.now();
        try {
          await task(i);
        } catch (error) {
          failed++;
          firstError ??= error instanceof Error ? error.message : String(error);
        }
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const run: PoolRun = {
    count,
    ok: count - failed,
    failed,
    perSecond: (count - failed) / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
  };
  return firstError === undefined ? run : { ...run, firstError };
}

/** For the scripts: a benchmark whose operations failed stops with the first reason, not figures. */
export function assertAllSucceeded(what: string, runs: PoolRun[]): void {
  const broken = runs.find((r) => r.failed > 0);
  if (broken)
    throw new Error(
      `${what}: ${broken.failed} of ${broken.count} failed; first: ${broken.firstError}`,
    );
}

export const fmt = (n: number, digits = 1) => n.toFixed(digits);

/** Sequential calls: how many answered as expected, and their latencies. */
export interface LatencyRun {
  calls: number;
  /** Calls whose answer passed the task's own test (a page had rows, a day had slots). */
  ok: number;
  firstError?: string;
  p50: number;
  p95: number;
  p99: number;
}

/**
 * Runs `task(i)` for i in [0, calls) one after another. The task answers whether its result was
 * what it should be; a throw counts as not ok. A task may return its own measured time instead
 * (a page reached through a cursor times only the last request).
 */
export async function runSequential(
  calls: number,
  task: (i: number) => Promise<boolean | { ok: boolean; ms: number }>,
): Promise<LatencyRun> {
  const latencies: number[] = [];
  let ok = 0;
  let firstError: string | undefined;
  for (let i = 0; i < calls; i++) {
    const t0 = performance.now();
    try {
      const answer = await task(i);
      const elapsed = performance.now() - t0;
      const [passed, ms] = typeof answer === 'boolean' ? [answer, elapsed] : [answer.ok, answer.ms];
      if (passed) ok++;
      else firstError ??= `call ${i} answered, but not as expected`;
      latencies.push(ms);
    } catch (error) {
      firstError ??= error instanceof Error ? error.message : String(error);
      latencies.push(performance.now() - t0);
    }
  }
  latencies.sort((a, b) => a - b);
  const run: LatencyRun = {
    calls,
    ok,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
  };
  return firstError === undefined ? run : { ...run, firstError };
}
