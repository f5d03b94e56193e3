// Operator commands: `pnpm --filter @clinicpay/api cli <command>`.
//   migrate                    bring the database schema up to date
//   seed                       add the demo clinic (development and demos only; idempotent)
//   create-admin --email E     create an admin, or reset their password; password from
//                              ADMIN_PASSWORD or the first line of standard input
//   remove-demo-values         remove the demo admin and the demo Stripe keys, which a
//                              production start refuses
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline/promises';
import { migrateToLatest } from '@clinicpay/db';
import { openRuntime } from './bootstrap.js';
import { loadConfig } from './env.js';
import { seedDemoClinic } from './seed/demo-clinic.seed.js';
import { verifyStoredSecrets } from './security/verify-stored-secrets.js';
import { upsertAdmin } from './seed/admin-users.js';
import { removeDemoValues } from './seed/remove-demo-values.js';
import { exitWithUserError } from './user-error.js';

const COMMANDS = ['migrate', 'seed', 'create-admin', 'remove-demo-values'];
const USAGE =
  'Usage: cli <migrate | seed | create-admin --email EMAIL [--name NAME] | remove-demo-values>';

async function readPassword(): Promise<string> {
  // A one-off input of this command, not configuration: it never reaches env.ts's Config.
  // eslint-disable-next-line no-restricted-properties
  const fromEnv = process.env.ADMIN_PASSWORD;
  if (fromEnv) return fromEnv;
  const lines = createInterface({ input: process.stdin, output: process.stderr, terminal: false });
  if (process.stdin.isTTY) process.stderr.write('Password (at least 12 characters): ');
  for await (const line of lines) {
    lines.close();
    return line;
  }
  return '';
}

async function run(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { email: { type: 'string' }, name: { type: 'string' } },
  });
  const command = positionals[0];
  if (!command || !COMMANDS.includes(command)) {
    console.error(USAGE);
    process.exit(2);
  }
  const config = loadConfig();
  if (command === 'seed' && config.nodeEnv === 'production') {
    console.error(
      'The demo seed is for development and demos; in production create an admin with `cli create-admin`.',
    );
    process.exit(2);
  }
  if (command === 'create-admin' && !values.email) {
    console.error('create-admin needs --email: the address the admin signs in with.');
    process.exit(2);
  }
  const password = command === 'create-admin' ? await readPassword() : '';

  const runtime = await openRuntime(config);
  try {
    const { executed: applied } = await migrateToLatest(runtime.db);
    if (command === 'migrate') {
      console.log(
        applied.length
          ? `Applied ${applied.length} migration(s): ${applied.join(', ')}`
          : 'The database is up to date.',
      );
    } else if (command === 'seed') {
      await verifyStoredSecrets(runtime);
      const result = await seedDemoClinic(runtime);
      console.log(
        result.created
          ? `Seeded the demo clinic "${result.clinicName}".`
          : `The demo clinic "${result.clinicName}" is already there.`,
      );
    } else if (command === 'remove-demo-values') {
      const done = await removeDemoValues(runtime, runtime.clock.now());
      console.log(done.length ? done.join('\n') : 'No demo values were found.');
    } else {
      const result = await upsertAdmin(runtime.db, {
        email: values.email!,
        name: values.name,
        password,
      });
      console.log(
        result.created
          ? `Created admin ${result.email} (Owner).`
          : `Reset the password of admin ${result.email}.`,
      );
    }
  } finally {
    await runtime.close();
  }
}

run().catch(exitWithUserError);
