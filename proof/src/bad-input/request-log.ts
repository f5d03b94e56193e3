// The statuses the API itself logged for one path (one pino line per request, see
// apps/api/src/http/request-log.ts). When the API refuses an oversized upload it answers and
// closes the connection while the client is still writing, and the client often cannot read the
// answer; the API's log is the record of what it answered.
import { readFile } from 'node:fs/promises';
import { bump, total, type Tally } from './tally.js';

export async function loggedStatuses(logFile: string, path: string): Promise<Tally> {
  const tally: Tally = new Map();
  for (const line of (await readFile(logFile, 'utf8')).split('\n')) {
    if (!line.includes('"request completed"')) continue;
    const entry = JSON.parse(line) as { path?: string; statusCode?: number };
    if (entry.path === path && entry.statusCode !== undefined) bump(tally, entry.statusCode);
  }
  return tally;
}

/** Statuses logged since `before`, waiting up to 5 s for `expected` of them (the log is written asynchronously). */
export async function statusesLoggedSince(
  logFile: string,
  path: string,
  before: Tally,
  expected: number,
): Promise<Tally> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const now = await loggedStatuses(logFile, path);
    const since: Tally = new Map(
      [...now]
        .map(([status, n]) => [status, n - (before.get(status) ?? 0)] as [string, number])
        .filter(([, n]) => n > 0),
    );
    if (total(since) >= expected || Date.now() > deadline) return since;
    await new Promise((r) => setTimeout(r, 100));
  }
}
