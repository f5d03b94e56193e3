import type { Database, Kysely } from '@clinicpay/db';
import type { Clock } from './clock.js';
import type { Config } from './env.js';
import type { Logger } from './logger.js';
import type { SecretBox } from './security/secret-box.js';
import type { StripeGatewayFactory } from './services/gateways/gateway-factory.js';
import type { StripeBackoff } from './services/gateways/stripe-backoff.js';
import type { CatalogueCache } from './services/catalogue/catalogue-cache.js';

/**
 * What every use-case runs on, built once per server (bootstrap.ts). Services take these plain
 * dependencies, never the tRPC context, so the CLI, the sweeper and tests call them directly.
 */
export interface AppDeps {
  db: Kysely<Database>;
  config: Config;
  clock: Clock;
  logger: Logger;
  secretBox: SecretBox;
  stripeGatewayFor: StripeGatewayFactory;
  /** Set by Stripe's 429s; the sweeper and the status page wait it out. */
  stripeBackoff: StripeBackoff;
  /** The public catalogue reads' answers, kept until the catalogue's version changes. */
  catalogueCache: CatalogueCache;
}

/** Who asked, for audit entries, timelines and refunds: 'admin:<email>'. */
export interface Actor {
  actor: string;
}

/** The dependencies of an admin's use-case: the app's, plus the admin who asked. */
export interface AdminDeps extends AppDeps {
  admin: Actor;
}
