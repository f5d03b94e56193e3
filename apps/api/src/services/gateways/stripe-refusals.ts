import { clearStripeRefusal, recordStripeRefusal, type GatewayMode } from '@clinicpay/db';
import type { GatewayError } from '@clinicpay/payments';
import type { AppDeps } from '../../deps.js';
import { alertOnStripeRefusal } from '../mail/clinic-alerts.js';
import type { GatewayCall, GatewayObserver } from './observed-gateway.js';
import { cachedStripeSettings, forgetStripeSettings } from './stripe-settings-cache.js';

/** Checked at most this often per process and call once it is known good, so calls stay free. */
const CLEAR_CHECK_MS = 30_000;

/**
 * Keeps Stripe's refusal of a saved key (401 unknown, expired or revoked; 403 a right missing) on
 * the gateway, so the admin reads it on Payment Settings and the gateways list and patients are
 * not offered a card payment that cannot work. Stripe accepting the same call with that key later
 * clears it (a restricted key may lack one right only). Only the saved keys count: a key being
 * checked before a save is the admin's business.
 */
export function stripeRefusalObserver(
  deps: Pick<AppDeps, 'db' | 'secretBox' | 'clock' | 'logger'>,
): Pick<GatewayObserver, 'answered' | 'refused'> {
  const lastClearCheck = new Map<`${GatewayMode}:${GatewayCall}`, number>();

  async function savedModeOf(secretKey: string) {
    const settings = await cachedStripeSettings(deps);
    if (!settings) return null;
    const mode = (['test', 'live'] as const).find((m) => settings.keys[m].secretKey === secretKey);
    return mode ? { settings, mode } : null;
  }

  // Bookkeeping only: a database hiccup here must never change what the Stripe call returns.
  const safely =
    <A extends unknown[]>(step: (...args: A) => Promise<void>) =>
    async (...args: A) => {
      try {
        await step(...args);
      } catch (error) {
        deps.logger.warn({ err: error }, 'could not record what Stripe said about the key');
      }
    };

  return {
    refused: safely(async (secretKey: string, call: GatewayCall, error: GatewayError) => {
      const saved = await savedModeOf(secretKey);
      if (!saved) return;
      const message = error.stripeMessage ?? error.message;
      await recordStripeRefusal(deps.db, saved.settings.clinicId, {
        mode: saved.mode,
        message,
        call,
        at: deps.clock.now(),
      });
      lastClearCheck.delete(`${saved.mode}:${call}`);
      forgetStripeSettings(deps.db);
      await alertOnStripeRefusal(deps, { mode: saved.mode, call, message });
      deps.logger.warn(
        { mode: saved.mode, call, stripeMessage: message },
        'Stripe refused the saved key',
      );
    }),

    answered: safely(async (secretKey: string, call: GatewayCall) => {
      const saved = await savedModeOf(secretKey);
      if (!saved) return;
      const now = deps.clock.now().getTime();
      // The cached settings say whether there is anything to clear; another replica's refusal
      // may be newer than the cache, so look in the table now and then too.
      const slot = `${saved.mode}:${call}` as const;
      const checkedAt = lastClearCheck.get(slot);
      const due = checkedAt === undefined || now - checkedAt >= CLEAR_CHECK_MS;
      if (saved.settings.refusals[saved.mode]?.call !== call && !due) return;
      lastClearCheck.set(slot, now);
      const accepted = { mode: saved.mode, call };
      if (await clearStripeRefusal(deps.db, saved.settings.clinicId, accepted)) {
        forgetStripeSettings(deps.db);
        deps.logger.info({ mode: saved.mode }, 'Stripe accepts the saved key again');
      }
    }),
  };
}
