import type { Runtime } from '../../src/bootstrap.js';
import { sweepOnce } from '../../src/services/sweeper/sweeper.js';

/** One sweep as an API replica runs it (PostgreSQL: under the replicas' lock). */
export function sweep(runtime: Runtime, reconcileAfterMs = 120_000) {
  return sweepOnce(runtime, { reconcileAfterMs, exclusive: runtime.database.kind === 'postgres' });
}
