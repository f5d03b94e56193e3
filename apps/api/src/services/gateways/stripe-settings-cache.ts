import type { Database, Kysely } from '@clinicpay/db';
import type { SecretBox } from '../../security/secret-box.js';
import { loadStripeSettings, type StripeSettings } from './stripe-settings.js';

/**
 * The webhook route needs the signing secrets for every event Stripe sends, hundreds a second
 * at peak: reading and decrypting them each time was a query per event. They are kept for a
 * second. A save through this process forgets them at once; another replica's copy lives at most
 * a second longer, and an event refused in that second is redelivered by Stripe.
 */
export const STRIPE_SETTINGS_TTL_MS = 1000;

interface Entry {
  until: number;
  settings: Promise<StripeSettings | null>;
}

// Per database handle: each API (and each test stack) has its own.
const entries = new WeakMap<Kysely<Database>, Entry>();

export function cachedStripeSettings(deps: {
  db: Kysely<Database>;
  secretBox: SecretBox;
}): Promise<StripeSettings | null> {
  const now = performance.now();
  const hit = entries.get(deps.db);
  if (hit && hit.until > now) return hit.settings;
  // The promise is kept, so the events arriving while it loads share one read.
  const entry: Entry = { until: now + STRIPE_SETTINGS_TTL_MS, settings: loadStripeSettings(deps) };
  entries.set(deps.db, entry);
  entry.settings.catch(() => {
    if (entries.get(deps.db) === entry) entries.delete(deps.db);
  });
  return entry.settings;
}

/** After any write to the Stripe settings: the next event reads them again. */
export function forgetStripeSettings(db: Kysely<Database>): void {
  entries.delete(db);
}
