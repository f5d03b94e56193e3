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
  let replicaBack: Promise<void> = Promise.resolve();
  let journeysStarted = 0;
  const killAt = Math.floor(total * 0.3);
  const restartAt = Math.floor(total * 0.6);
  const victim = stack.replicas.length - 1;

  return {
    log,
    /** Called as each journey starts. */
    onJourneyStarted(index: number) {
      journeysStarted = Math.max(journeysStarted, index + 1);
      if (index === killAt) running.push((replicaBack = killReplica()));
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
    // A replica still starting when PostgreSQL goes away exits (its start-up checks fail), which
    // is a supervisor's business, not this run's: the restart waits until the replica is back.
    await replicaBack;
    const started = performance.now();
    log.postgresRestartedAt = Math.max(restartAt, journeysStarted - 1);
    await stack.postgres.restart();
    log.postgresRestartSeconds = (performance.now() - started) / 1000;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
