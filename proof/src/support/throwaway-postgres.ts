// A PostgreSQL cluster of the proof's own, in a temporary directory on a free port: it can be
// restarted and stopped mid-run without touching the machine's shared server.
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@clinicpay/testing';

export interface ThrowawayPostgres {
  /** postgres://… of the cluster's `postgres` database. */
  url: string;
  port: number;
  bindir: string;
  /** A new empty database on the cluster; returns its URL. */
  createDatabase(name: string): string;
  /** A fast shutdown and start: every connection is cut, as in a failover or an upgrade. */
  restart(): Promise<void>;
  stop(): void;
}

export async function startThrowawayPostgres(
  options: { maxConnections?: number } = {},
): Promise<ThrowawayPostgres> {
  const bindir = findBindir();
  const root = mkdtempSync(join(tmpdir(), 'clinicpay-proof-pg-'));
  const data = join(root, 'data');
  // PostgreSQL refuses to run as root; CI runs as root, so the cluster belongs to `postgres` there.
  const asRoot = process.getuid?.() === 0;
  if (asRoot) execFileSync('chown', ['postgres:postgres', root]);
  const commandLine = (command: string, args: string[]): [string, string[]] =>
    asRoot
      ? ['runuser', ['-u', 'postgres', '--', join(bindir, command), ...args]]
      : [join(bindir, command), args];
  const run = (command: string, args: string[]) => {
    const [file, argv] = commandLine(command, args);
    const result = spawnSync(file, argv, { encoding: 'utf8', cwd: root });
    if (result.status !== 0) {
      throw new Error(
        `${command} ${args.join(' ')} failed (${result.status}): ${result.stderr || result.stdout}`,
      );
    }
  };

  const port = await freePort();
  run('initdb', [
    '-D',
    data,
    '-U',
    'postgres',
    '-A',
    'trust',
    '-E',
    'UTF8',
    '--locale=C',
    '--no-sync',
  ]);
  // fsync off: the cluster is thrown away, and the restart below is a clean one, so nothing is lost.
  const serverOptions = [
    `-p ${port}`,
    `-k ${root}`,
    '-c listen_addresses=127.0.0.1',
    `-c max_connections=${options.maxConnections ?? 120}`,
    '-c fsync=off',
    '-c full_page_writes=off',
  ].join(' ');
  const log = join(root, 'server.log');
  run('pg_ctl', ['-D', data, '-l', log, '-o', serverOptions, '-w', '-t', '60', 'start']);

  const base = `postgres://postgres@127.0.0.1:${port}`;
  return {
    url: `${base}/postgres`,
    port,
    bindir,
    createDatabase(name) {
      run('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', name]);
      return `${base}/${name}`;
    },
    async restart() {
      // Asynchronous, so the load keeps coming while the server is down. pg_ctl restart reuses the
      // options the server was started with (postmaster.opts).
      const [file, argv] = commandLine('pg_ctl', [
        '-D',
        data,
        '-l',
        log,
        '-m',
        'fast',
        '-w',
        '-t',
        '60',
        'restart',
      ]);
      await promisify(execFile)(file, argv, { cwd: root });
    },
    stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    },
  };
}

/** The server binaries: pg_config's answer, else the newest /usr/lib/postgresql/<version>/bin. */
function findBindir(): string {
  try {
    const fromConfig = execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim();
    if (readdirSync(fromConfig).includes('initdb')) return fromConfig;
  } catch {
    // fall through to the Debian layout
  }
  const versions = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a));
  const version = versions[0];
  if (!version)
    throw new Error('No PostgreSQL server binaries found (install the postgresql package).');
  return `/usr/lib/postgresql/${version}/bin`;
}
