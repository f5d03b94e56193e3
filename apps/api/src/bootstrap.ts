import { join } from 'node:path';
import { createDatabase, readCatalogueVersion, type DatabaseHandle } from '@clinicpay/db';
import { systemClock, type Clock } from './clock.js';
import type { Config } from './env.js';
import { createLogger, type Logger } from './logger.js';
import { loadOrCreateAppSecret } from './security/app-secret.js';
import { createSecretBox } from './security/secret-box.js';
import type { AppDeps } from './deps.js';
import { createStripeGatewayFactory } from './services/gateways/gateway-factory.js';
import { StripeBackoff } from './services/gateways/stripe-backoff.js';
import { createCatalogueCache } from './services/catalogue/catalogue-cache.js';
import { stripeRefusalObserver } from './services/gateways/stripe-refusals.js';

export interface Runtime extends AppDeps {
  database: DatabaseHandle;
  /** Closes the database (PGlite keeps the process alive until it is closed). */
  close(): Promise<void>;
}

/**
 * Opens what the API runs on: the database (PostgreSQL when DATABASE_URL is set, else embedded
 * PGlite under the data folder), the secret box and the logger.
 */
export async function openRuntime(
  config: Config,
  options: { clock?: Clock; logger?: Logger } = {},
): Promise<Runtime> {
  const logger = options.logger ?? createLogger({ level: config.logLevel });
  if (!config.nodeEnvGiven && config.databaseUrl) {
    logger.warn(
      'NODE_ENV is not set, so development settings are in force on this PostgreSQL database; set NODE_ENV=production for a clinic in use',
    );
  }
  // Embedded mode has no operator to set APP_SECRET; production requires it (env.ts).
  const appSecret = config.appSecret ?? (await loadOrCreateAppSecret(config.dataDir));
  const database = await createDatabase(
    config.databaseUrl
      ? {
          url: config.databaseUrl,
          maxConnections: config.databasePoolSize,
          prepareStatements: config.prepareStatements,
        }
      : { dataDir: join(config.dataDir, 'pglite') },
  );
  const clock = options.clock ?? systemClock;
  const secretBox = createSecretBox(appSecret);
  const stripeBackoff = new StripeBackoff(clock);
  const refusals = stripeRefusalObserver({ db: database.db, secretBox, clock, logger });
  return {
    database,
    db: database.db,
    config,
    clock,
    logger,
    secretBox,
    // What Stripe answers is learnt once here, for every caller (stripe-backoff, stripe-refusals).
    stripeGatewayFor: createStripeGatewayFactory(config.stripeApiUrl, {
      answered: async (key, call) => {
        stripeBackoff.answered();
        await refusals.answered(key, call);
      },
      refused: (key, call, error) => refusals.refused(key, call, error),
      rateLimited: () => {
        stripeBackoff.limited();
        return Promise.resolve();
      },
    }),
    stripeBackoff,
    catalogueCache: createCatalogueCache({ readVersion: () => readCatalogueVersion(database.db) }),
    close: () => database.close(),
  };
}
