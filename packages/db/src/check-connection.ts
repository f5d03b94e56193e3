import { type Kysely, sql } from 'kysely';

export type ConnectionCheck = { ok: true; latencyMs: number } | { ok: false; error: string };

/** A `select 1` bounded by a timeout, for health checks: never throws, never hangs. */
export async function checkConnection<DB>(
  db: Kysely<DB>,
  timeoutMs = 2_000,
): Promise<ConnectionCheck> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([sql`select 1`.execute(db), timeout]);
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  } finally {
    clearTimeout(timer);
  }
}
