import { execFileSync } from 'node:child_process';
import os from 'node:os';

/** One line naming the machine, so figures are never read without it. */
export function describeMachine(): string {
  const cpus = os.cpus();
  const gib = (os.totalmem() / 2 ** 30).toFixed(0);
  return [
    `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}`,
    `${gib} GiB RAM`,
    `${os.type()} ${os.release()}`,
    `Node.js ${process.version}`,
    postgresVersion(),
  ].join(', ');
}

function postgresVersion(): string {
  try {
    return execFileSync('pg_config', ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return 'PostgreSQL version unknown';
  }
}
