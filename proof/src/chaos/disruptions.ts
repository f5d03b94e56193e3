// The faults the run injects besides the emulator's: a replica killed mid-run, PostgreSQL
// restarted mid-run and (when the run sends mail) the SMTP server down for its middle third. Each
// is timed by progress (share of journeys started), not by the clock.
import type { ProofStack } from '../support/stack.js';
import type { ReplicaPool } from './replica-pool.js';

export interface DisruptionLog {
  replicaKilledAt: number | null;
  /** Wall-clock time of the SIGKILL (ms since the epoch), to place what the kill cut short. */
  replicaKilledAtMs: number | null;
  replicaDownSeconds: number;
  postgresRestartedAt: number | null;
  postgresRestartedAtMs: number | null;
  postgresRestartSeconds: number;
  /** Journeys started when the SMTP server went down and came back (null: it did not). */
  smtpDownAt: number | null;
  smtpUpAt: number | null;
  smtpDownAtMs: number | null;
  smtpUpAtMs: number | null;
  smtpDownSeconds: number;
}

/** The mail server the replicas send to, as far as the run disrupts it. */
export interface SmtpSwitch {
  pauseSmtp(): Promise<void>;
  resumeSmtp(): Promise<void>;
}

export function planDisruptions(
  stack: ProofStack,
  pool: ReplicaPool,
  total: number,
  smtp: SmtpSwitch | null = null,
) {
  const log: DisruptionLog = {
    replicaKilledAt: null,
    replicaKilledAtMs: null,
    replicaDownSeconds: 0,
    postgresRestartedAt: null,
    postgresRestartedAtMs: null,
    postgresRestartSeconds: 0,
    smtpDownAt: null,
    smtpUpAt: null,
    smtpDownAtMs: null,
    smtpUpAtMs: null,
    smtpDownSeconds: 0,
  };
  const running: Promise<void>[] = [];
  let replicaBack: Promise<void> = Promise.resolve();
  let journeysStarted = 0;
  const killAt = Math.floor(total * 0.3);
  const restartAt = Math.floor(total * 0.6);
  const smtpDownAt = Math.floor(total / 3);
  const smtpUpAt = Math.floor((total * 2) / 3);
  const victim = stack.replicas.length - 1;

  return {
    log,
    /** Called as each journey starts. */
    onJourneyStarted(index: number) {
      journeysStarted = Math.max(journeysStarted, index + 1);
      if (index === killAt) running.push((replicaBack = killReplica()));
      if (index === restartAt) running.push(restartPostgres());
      if (smtp && index === smtpDownAt) running.push(stopSmtp(smtp));
      if (smtp && index === smtpUpAt) running.push(startSmtp(smtp));
    },
    settled: () => Promise.all(running),
  };

  async function killReplica() {
    const started = performance.now();
    log.replicaKilledAt = killAt;
    log.replicaKilledAtMs = Date.now();
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
    log.postgresRestartedAtMs = Date.now();
    await stack.postgres.restart();
    log.postgresRestartSeconds = (performance.now() - started) / 1000;
  }

  async function stopSmtp(server: SmtpSwitch) {
    log.smtpDownAt = smtpDownAt;
    log.smtpDownAtMs = Date.now();
    await server.pauseSmtp();
  }

  async function startSmtp(server: SmtpSwitch) {
    // Never up before it went down, whatever order the journeys' workers reach the two marks in.
    while (log.smtpDownAtMs === null) await sleep(50);
    await server.resumeSmtp();
    log.smtpUpAt = smtpUpAt;
    log.smtpUpAtMs = Date.now();
    log.smtpDownSeconds = (log.smtpUpAtMs - log.smtpDownAtMs) / 1000;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
