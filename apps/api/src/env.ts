import { join, resolve } from 'node:path';
import { z } from 'zod';
import {
  securityConfig,
  securityEnvShape,
  type SecurityConfig,
} from './security/security-config.js';
import {
  mailConfig,
  mailConfigProblems,
  mailEnvShape,
  type MailConfig,
} from './services/mail/mail-config.js';

/**
 * The API's whole configuration, read from the environment in this one place.
 * Every other module receives a `Config`; nothing else reads `process.env`.
 */
const EnvSchema = z.object({
  NODE_ENV: z
    .enum(['development', 'test', 'production'], {
      message: 'one of development, test, production',
    })
    .default('development'),
  HOST: z
    .string()
    .min(1, 'a host name or address to listen on, e.g. 127.0.0.1')
    .default('127.0.0.1'),
  PORT: z.coerce
    .number({ message: 'a TCP port number, e.g. 3000' })
    .int('a whole TCP port number, e.g. 3000')
    .min(0, 'a TCP port between 0 and 65535')
    .max(65535, 'a TCP port between 0 and 65535')
    .default(3000),
  PUBLIC_URL: z
    .url({
      message: 'the address patients and Stripe reach the API at, e.g. https://clinic.example.com',
    })
    .optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'a PostgreSQL URL such as postgres://user:password@host:5432/db')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce
    .number({ message: 'a number of connections between 2 and 50, e.g. 10' })
    .int('a whole number of connections between 2 and 50')
    // Two at least: the sweeper holds one for its replicas' lock while its jobs use another.
    .min(2, 'a number of connections between 2 and 50')
    .max(50, 'a number of connections between 2 and 50')
    .default(10),
  // Off behind PgBouncer in transaction mode; PGlite has no named statements (docs/production.md).
  PG_PREPARE_STATEMENTS: z
    .enum(['on', 'off'], {
      message:
        'on (prepare fixed statements once per connection) or off (behind PgBouncer in transaction mode)',
    })
    .default('on'),
  DATA_DIR: z.string().min(1).default('.data'),
  APP_SECRET: z
    .string()
    .min(32, 'at least 32 random characters (generate one: openssl rand -base64 32)')
    .optional(),
  STRIPE_API_URL: z
    .url({ message: 'the Stripe API base URL, e.g. https://api.stripe.com' })
    .optional(),
  // Unset in production (Stripe.js from js.stripe.com); set for a stand-in such as the emulator's.
  STRIPE_JS_URL: z
    .url({
      message:
        "the URL of a Stripe.js stand-in, e.g. http://127.0.0.1:12111/v3/stripe.js (leave it unset for Stripe's own)",
    })
    .optional(),
  PATIENT_DIST_DIR: z
    .string()
    .min(1, "a folder holding the patient SPA's build (index.html and assets/)")
    .optional(),
  ADMIN_DIST_DIR: z
    .string()
    .min(1, "a folder holding the admin SPA's build (index.html and assets/)")
    .optional(),
  BOOKING_HOLD_MINUTES: z.coerce
    .number({ message: 'a number of minutes between 31 and 1440, e.g. 35' })
    .int('a whole number of minutes between 31 and 1440, e.g. 35')
    // Stripe refuses a checkout session expiring in under 30 minutes, or over 24 hours.
    .min(31, 'a number of minutes between 31 and 1440 (Stripe needs at least 30 minutes)')
    .max(1440, 'a number of minutes between 31 and 1440 (Stripe allows at most 24 hours)')
    .default(35),
  SWEEP_INTERVAL_SECONDS: z.coerce
    .number({ message: 'a number of seconds, e.g. 30 (0 turns the sweeper off)' })
    .int('a whole number of seconds, e.g. 30')
    .min(0, 'a number of seconds, 0 or more')
    .default(30),
  RECONCILE_AFTER_SECONDS: z.coerce
    .number({ message: 'a number of seconds, e.g. 120' })
    .int('a whole number of seconds, e.g. 120')
    .min(0, 'a number of seconds, 0 or more')
    .default(120),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      message: 'one of fatal, error, warn, info, debug, trace, silent',
    })
    .default('info'),
  ...securityEnvShape,
  ...mailEnvShape,
});

export type Env = z.infer<typeof EnvSchema>;

// The SPAs' builds sit next to this app in the repository (apps/patient/dist, apps/admin/dist).
const REPO_APPS = resolve(import.meta.dirname, '../..');

export interface Config {
  nodeEnv: Env['NODE_ENV'];
  /** False when NODE_ENV was not set and development settings apply by default. */
  nodeEnvGiven: boolean;
  /** False when PUBLIC_URL was not set and `publicUrl` is the local default. */
  publicUrlGiven: boolean;
  host: string;
  port: number;
  publicUrl: string;
  databaseUrl: string | undefined;
  /** Connections per API process; with N replicas, N × this must stay under PostgreSQL's limit. */
  databasePoolSize: number;
  /** Named (prepared) statements on PostgreSQL; no effect on PGlite. */
  prepareStatements: boolean;
  dataDir: string;
  appSecret: string | undefined;
  stripeApiUrl: string | undefined;
  stripeJsUrl: string | undefined;
  /** The SPAs' builds served at `/` and `/admin/` (http/spa-static.route.ts); a missing folder serves nothing. */
  spa: { patientDir: string; adminDir: string };
  /** How long a slot is held for a card payment; the checkout session expires with it. */
  holdMinutes: number;
  /** How often lapsed holds, missed webhooks and unprocessed events are swept; 0: never. */
  sweepIntervalSeconds: number;
  /** Card payments pending this long are checked with Stripe by the sweeper. */
  reconcileAfterSeconds: number;
  logLevel: Env['LOG_LEVEL'];
  /** CORS origins, admin sessions, rate limits (security/security-config.ts). */
  security: SecurityConfig;
  /** SMTP, the sender and the admin's address for links (services/mail/mail-config.ts). */
  mail: MailConfig;
}

/** Thrown with one line per bad variable, so an operator fixes them all in one go. */
export class InvalidConfigError extends Error {
  readonly code = 'invalid_config' as const;
  constructor(readonly problems: string[]) {
    super(`The API's settings are not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'InvalidConfigError';
  }
}

export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  // An empty variable (FOO=) means "not set", as most shells and .env files intend.
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    throw new InvalidConfigError(
      parsed.error.issues.map((issue) => {
        const name = issue.path.join('.');
        const given = present[name] === undefined ? 'is missing' : 'is not valid';
        return `${name} ${given}: it should be ${issue.message}`;
      }),
    );
  }
  const env = parsed.data;
  const problems: string[] = [];
  if (env.NODE_ENV === 'production' && !env.APP_SECRET) {
    problems.push(
      'APP_SECRET is missing: production needs it to decrypt stored Stripe keys (openssl rand -base64 32)',
    );
  }
  if (env.NODE_ENV === 'production' && !env.DATABASE_URL) {
    problems.push(
      'DATABASE_URL is missing: production needs a PostgreSQL URL, not the embedded database',
    );
  }
  problems.push(...mailConfigProblems(env));
  if (problems.length > 0) throw new InvalidConfigError(problems);

  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, '');
  return {
    nodeEnv: env.NODE_ENV,
    nodeEnvGiven: present.NODE_ENV !== undefined,
    publicUrlGiven: env.PUBLIC_URL !== undefined,
    host: env.HOST,
    port: env.PORT,
    publicUrl,
    databaseUrl: env.DATABASE_URL,
    databasePoolSize: env.DATABASE_POOL_SIZE,
    prepareStatements: env.PG_PREPARE_STATEMENTS === 'on',
    dataDir: env.DATA_DIR,
    appSecret: env.APP_SECRET,
    stripeApiUrl: env.STRIPE_API_URL,
    stripeJsUrl: env.STRIPE_JS_URL,
    spa: {
      patientDir: resolve(env.PATIENT_DIST_DIR ?? join(REPO_APPS, 'patient/dist')),
      adminDir: resolve(env.ADMIN_DIST_DIR ?? join(REPO_APPS, 'admin/dist')),
    },
    holdMinutes: env.BOOKING_HOLD_MINUTES,
    sweepIntervalSeconds: env.SWEEP_INTERVAL_SECONDS,
    reconcileAfterSeconds: env.RECONCILE_AFTER_SECONDS,
    logLevel: env.LOG_LEVEL,
    security: securityConfig(env, publicUrl),
    mail: mailConfig(env, publicUrl),
  };
}
