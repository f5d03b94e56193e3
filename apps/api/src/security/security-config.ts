import { isIP } from 'node:net';
import { z } from 'zod';

/**
 * The security settings of the API (CORS, admin sessions, rate limits). env.ts merges these
 * variables into its one schema, so they are read and checked with every other setting.
 */

export interface RateLimit {
  limit: number;
  windowSeconds: number;
}

export interface SecurityConfig {
  /** Origins a browser may call the API from (the SPAs); the public URL's origin is always one. */
  corsOrigins: string[];
  /** Whether the API is reached over https: cookies become `Secure` and `__Host-` prefixed. */
  https: boolean;
  adminSession: { idleMinutes: number; maxHours: number };
  /**
   * Which hops may say who the client is (X-Forwarded-For), as Fastify's `trustProxy`: the
   * per-address limits count the address this yields, so trusting any sender would let a client
   * pick a new address for every attempt.
   */
  trustProxy: boolean | string[];
  /**
   * The proof of work on booking: 'auto' asks for it when the clinic turns it on or bookings
   * arrive faster than its threshold; 'off' never (load runs, whose scripts cannot solve it).
   */
  bookingChallenge: 'auto' | 'off';
  rateLimits: {
    /** booking.create per address. */
    booking: RateLimit;
    /** booking.status per address (the result page polls it while Stripe confirms). */
    bookingStatus: RateLimit;
    /** catalogue.availability per address (each call computes a doctor's free times). */
    availability: RateLimit;
    /** Sign-in attempts per address, failed or not. */
    signIn: RateLimit;
    /** Failed sign-ins per account before it is locked for the window. */
    signInFailuresPerAccount: RateLimit;
    /** Failed sign-ins per address, whichever accounts they name. */
    signInFailuresPerAddress: RateLimit;
  };
}

const UNIT_SECONDS = { s: 1, m: 60, h: 3600 } as const;
const RATE = /^(\d+)\/(\d+)([smh])$/;

/** "20/10m": 20 per 10 minutes. */
function rateLimit(example: string, fallback: string) {
  return z
    .string()
    .regex(RATE, `a count per window such as ${example} (s, m or h)`)
    .default(fallback)
    .transform((value): RateLimit => {
      const [, count, size, unit] = RATE.exec(value)!;
      return {
        limit: Number(count),
        windowSeconds: Number(size) * UNIT_SECONDS[unit as keyof typeof UNIT_SECONDS],
      };
    })
    .refine(
      (r) => r.limit > 0 && r.windowSeconds > 0,
      `a count and a window above zero, such as ${example}`,
    );
}

const originList = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
  )
  .refine(
    (origins) => origins.every(isOrigin),
    'a comma-separated list of origins such as https://admin.example.com (scheme, host and port only)',
  );

function minutes(example: number, max: number) {
  return z.coerce
    .number({ message: `a number of minutes, e.g. ${example}` })
    .int(`a whole number of minutes, e.g. ${example}`)
    .min(1, `between 1 and ${max} minutes`)
    .max(max, `between 1 and ${max} minutes`)
    .default(example);
}

export const securityEnvShape = {
  CORS_ORIGINS: originList.optional(),
  ADMIN_SESSION_IDLE_MINUTES: minutes(30, 24 * 60),
  ADMIN_SESSION_MAX_HOURS: z.coerce
    .number({ message: 'a number of hours, e.g. 12' })
    .int('a whole number of hours, e.g. 12')
    .min(1, 'between 1 and 720 hours')
    .max(720, 'between 1 and 720 hours')
    .default(12),
  TRUST_PROXY: z
    .string()
    .trim()
    .refine(
      isTrustProxySetting,
      "false, or a comma-separated list of the proxies' addresses or ranges such as 10.0.0.0/8, 192.168.1.5, loopback (a number of hops is not supported: name the proxies)",
    )
    .optional(),
  BOOKING_CHALLENGE: z
    .enum(['auto', 'off'], {
      message: 'auto (ask for proof of work when the clinic wants it) or off (load runs)',
    })
    .default('auto'),
  BOOKING_RATE_LIMIT: rateLimit('20/10m', '20/10m'),
  // The card form polls every 3 s while it is open (up to the hold) and the result page every 2 s
  // until Stripe confirms: 20–30 a minute per patient, so room for about 40 at once behind one address.
  BOOKING_STATUS_RATE_LIMIT: rateLimit('1200/1m', '1200/1m'),
  // A patient moving through weeks and doctors asks a few times a minute; 120 leaves room for a
  // family or an office behind one address while a script cannot keep the cores busy.
  AVAILABILITY_RATE_LIMIT: rateLimit('120/1m', '120/1m'),
  SIGN_IN_RATE_LIMIT: rateLimit('10/1m', '10/1m'),
  SIGN_IN_FAILURES_PER_ACCOUNT: rateLimit('5/15m', '5/15m'),
  SIGN_IN_FAILURES_PER_ADDRESS: rateLimit('20/15m', '20/15m'),
};

type SecurityEnv = z.output<z.ZodObject<typeof securityEnvShape>>;

// The SPAs' Vite servers in development (scripts/dev.ts): browsers may name either host.
const DEV_SPA_ORIGINS = ['5173', '5174'].flatMap((port) => [
  `http://localhost:${port}`,
  `http://127.0.0.1:${port}`,
]);

export function securityConfig(
  env: SecurityEnv & { NODE_ENV: string },
  publicUrl: string,
): SecurityConfig {
  const publicOrigin = new URL(publicUrl).origin;
  const configured = env.CORS_ORIGINS ?? (env.NODE_ENV === 'development' ? DEV_SPA_ORIGINS : []);
  return {
    corsOrigins: [...new Set([publicOrigin, ...configured.map((o) => new URL(o).origin)])],
    https: publicUrl.startsWith('https://'),
    adminSession: {
      idleMinutes: env.ADMIN_SESSION_IDLE_MINUTES,
      maxHours: env.ADMIN_SESSION_MAX_HOURS,
    },
    trustProxy: trustProxyFrom(env.TRUST_PROXY),
    bookingChallenge: env.BOOKING_CHALLENGE,
    rateLimits: {
      booking: env.BOOKING_RATE_LIMIT,
      bookingStatus: env.BOOKING_STATUS_RATE_LIMIT,
      availability: env.AVAILABILITY_RATE_LIMIT,
      signIn: env.SIGN_IN_RATE_LIMIT,
      signInFailuresPerAccount: env.SIGN_IN_FAILURES_PER_ACCOUNT,
      signInFailuresPerAddress: env.SIGN_IN_FAILURES_PER_ADDRESS,
    },
  };
}

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** true/false, or each entry an IP address, a CIDR range with a valid prefix, or a named range. */
function isTrustProxySetting(value: string): boolean {
  if (/^(true|false)$/i.test(value)) return true;
  return value.split(',').every((entry) => {
    const [address = '', prefix, ...rest] = entry.trim().split('/');
    if (rest.length > 0) return false;
    if (prefix === undefined) return PROXY_NAMES.has(address.toLowerCase()) || isIP(address) !== 0;
    const version = isIP(address);
    const bits = /^\d{1,3}$/.test(prefix) ? Number(prefix) : -1;
    return version !== 0 && bits >= 0 && bits <= (version === 4 ? 32 : 128);
  });
}

/**
 * Unset, no proxy is trusted, in production too: in Docker or Kubernetes every client shares a
 * private network with the API, so trusting private ranges let any of them name its own address.
 * The API logs how to set TRUST_PROXY when a request shows a proxy it does not trust.
 */
function trustProxyFrom(value: string | undefined): boolean | string[] {
  if (value === undefined) return false;
  if (/^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
  return value
    .split(',')
    .map((v) => v.trim().toLowerCase())
    .filter(Boolean);
}

function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (
      (url.protocol === 'http:' || url.protocol === 'https:') &&
      url.origin === value.replace(/\/$/, '')
    );
  } catch {
    return false;
  }
}
