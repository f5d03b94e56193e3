// The faults the run injects besides the emulator's: a replica killed mid-run, and PostgreSQL
// restarted mid-run. Each is timed by progress (share of journeys started), not by the clock.
import type { ProofStack } from '../support/stack.js';
import type { ReplicaPool } from './replica-pool.js';

export interface DisruptionLog {
  replicaKilledAt: number | null;
  replicaDownSeconds: number;
  postgresRestartedAt: number | null;
  postgresRestartSeconds: number;
}

export function planDisruptions(stack: ProofStack, pool: ReplicaPool, total: number) {
  const log: DisruptionLog = {
    replicaKilledAt: null,
    replicaDownSeconds: 0,
    postgresRestartedAt: null,
    postgresRestartSeconds: 0,
  };
  const running: Promise<void>[] = [];
  const killAt = Math.floor(total * 0.3);
  const restartAt = Math.floor(total * 0.6);
  const victim = stack.replicas.length - 1;

  return {
    log,
    /** Called as each journey starts. */
    onJourneyStarted(index: number) {
      if (index === killAt) running.push(killReplica());
      if (index === restartAt) running.push(restartPostgres());
    },
    settled: () => Promise.all(running),
  };

  async function killReplica() {
    const started = performance.now();
    log.replicaKilledAt = killAt;
    await stack.replicas[victim]!.kill();
    // Until a health check notices, the balancer still sends to the dead replica.
    await sleep(1000);
    pool.markDown(victim);
    await sleep(2000);
    await stack.replicas[victim]!.start();
    pool.markUp(victim);
    log.replicaDownSeconds = (performance.now() - started) / 1000;
  }

  async function restartPostgres() {
    const started = performance.now();
    log.postgresRestartedAt = restartAt;
    await stack.postgres.restart();
    log.postgresRestartSeconds = (performance.now() - started) / 1000;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
