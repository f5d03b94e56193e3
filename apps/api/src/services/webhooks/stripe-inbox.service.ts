import {
  findStoredStripeEvent,
  insertStripeEvent,
  lockStripeEvent,
  markStripeEventApplied,
  PARKED_OUTCOME,
  recordSignatureFailure,
  recordStripeEventError,
  type JsonObject,
} from '@clinicpay/db';
import {
  parseWebhook,
  paymentEffectOfEvent,
  WebhookSignatureError,
  type PaymentEffect,
} from '@clinicpay/payments';
import type Stripe from 'stripe';
import type { AppDeps } from '../../deps.js';
import { clientNetwork } from '../../security/client-network.js';
import { applyPaymentEffect } from '../fulfilment/apply-effect.js';
import { canPark } from '../fulfilment/parked-events.js';
import { runAfterCommit } from '../fulfilment/after-commit.js';
import { startFollowUps } from '../fulfilment/follow-ups.js';
import type { StripeSettings } from '../gateways/stripe-settings.js';
import { cachedStripeSettings } from '../gateways/stripe-settings-cache.js';
import { fetchThinEvent } from './thin-events.js';

export type WebhookReply =
  | { status: 200; body: { received: true; outcome: string } }
  | { status: 400; body: { error: string } }
  | { status: 500; body: { error: string } };

/**
 * Receives one Stripe webhook request. Signature first; then the raw event is stored (its id is
 * unique, so a duplicate insert does nothing); then its effect and the processed mark commit in
 * one transaction. Stripe gets 400 for a bad signature, 200 for anything verified that we applied,
 * had applied before, or do not handle, and 500 only when the effect could not be applied (so it
 * retries).
 */
export async function receiveStripeWebhook(
  deps: AppDeps,
  request: { rawBody: Buffer; signature: string | undefined; remoteAddress: string | undefined },
): Promise<WebhookReply> {
  const now = deps.clock.now();
  const settings = await cachedStripeSettings(deps);
  let parsed;
  let payload: JsonObject;
  try {
    parsed = parseWebhook(
      request.rawBody,
      request.signature,
      { test: settings?.keys.test.webhookSecret, live: settings?.keys.live.webhookSecret },
      { now },
    );
    payload = signedPayload(request.rawBody);
  } catch (error) {
    if (!(error instanceof WebhookSignatureError)) throw error;
    await recordSignatureFailure(deps.db, {
      mode: claimedMode(request.rawBody),
      reason: error.reason,
      remoteAddress: senderOf(request),
      receivedAt: now,
    });
    deps.logger.warn({ reason: error.reason, ip: request.remoteAddress }, 'stripe webhook refused');
    return { status: 400, body: { error: error.message } };
  }

  // Either mode's secret verifies, but only the event's own mode's secret may vouch for it: a
  // test signing secret (shared with a sandbox, or the demo's) must never confirm a live payment.
  const ownMode = parsed.event.livemode ? 'live' : 'test';
  if (parsed.matchedMode !== ownMode) {
    await recordSignatureFailure(deps.db, {
      mode: ownMode,
      reason: 'wrong_mode_secret',
      remoteAddress: senderOf(request),
      receivedAt: now,
    });
    deps.logger.warn(
      { ip: request.remoteAddress, livemode: parsed.event.livemode },
      "stripe webhook signed with the other mode's secret",
    );
    return {
      status: 400,
      body: {
        error: `The event is ${ownMode} mode but was signed with the ${parsed.matchedMode} mode's signing secret`,
      },
    };
  }

  let event = {
    id: parsed.event.id,
    type: parsed.event.type,
    apiVersion: parsed.event.apiVersion,
    payload,
  };
  let effect = parsed.effect;
  if (parsed.thin) {
    // Ids only: what happened is read from Stripe. If Stripe cannot say now, nothing is stored
    // and the 500 makes Stripe deliver the thin event again.
    const fetched = await fetchThinEvent(deps, parsed, settings).catch((error: unknown) => {
      deps.logger.warn({ err: error, eventId: parsed.event.id }, 'thin event not fetched');
      return null;
    });
    if (!fetched) {
      return {
        status: 500,
        body: { error: 'The event names an object Stripe did not return; Stripe will retry.' },
      };
    }
    event = {
      id: fetched.id,
      type: fetched.type,
      apiVersion: fetched.api_version ?? null,
      payload: fetched as unknown as JsonObject,
    };
    effect = paymentEffectOfEvent(fetched);
  }
  const stored = await insertStripeEvent(deps.db, {
    ...event,
    livemode: parsed.event.livemode,
    receivedAt: now,
  });
  if (!stored) {
    // A repeated id: only the body stored first is ever applied. A signing secret that leaked
    // (the demo's test one is public) must not let a new body ride on a stored event's id.
    const repeat = await checkRepeatedEvent(deps, event, parsed.event.livemode);
    if (!repeat.ok) {
      await recordSignatureFailure(deps.db, {
        mode: ownMode,
        reason: 'forged_repeat',
        remoteAddress: senderOf(request),
        receivedAt: now,
      });
      deps.logger.warn(
        { ip: request.remoteAddress, eventId: event.id, differs: repeat.differs },
        'stripe webhook repeats a stored event id with another body',
      );
      return {
        status: 400,
        body: {
          error: `The event ${event.id} was received before with a different ${repeat.differs}; only the body received first is applied`,
        },
      };
    }
    effect = repeat.effect;
  }
  // Stripe is answered once the event is applied; its follow-up calls to Stripe run after.
  return processStoredEvent(deps, event.id, effect!, settings, 'in_background');
}

/**
 * Applies a stored event once. The event's row is locked first, so concurrent deliveries of one
 * event queue here and all but the first find it processed. `followUps`: whether the Stripe calls
 * the change asks for are awaited (the sweeper, an admin's replay) or run after the answer.
 */
export async function processStoredEvent(
  deps: AppDeps,
  stripeEventId: string,
  effect: PaymentEffect,
  settings: StripeSettings | null,
  followUps: 'awaited' | 'in_background' = 'awaited',
): Promise<WebhookReply> {
  const at = deps.clock.now();
  try {
    const result = await deps.db.transaction().execute(async (trx) => {
      const stored = await lockStripeEvent(trx, stripeEventId);
      if (stored.processed_at) return { outcome: 'duplicate', afterCommit: [] };
      const applied =
        effect.kind === 'ignored'
          ? { outcome: `ignored:${effect.reason}` as const }
          : await applyPaymentEffect(trx, effect, {
              livemode: stored.livemode,
              failurePolicy: settings?.failurePolicy ?? 'cancel',
              cause: { source: 'webhook', at, stripeEventId, details: { event_type: effect.kind } },
            });
      // About an intent we have not met yet: parked, and replayed when a payment learns it.
      const park = applied.outcome === 'not_ours' && canPark(effect);
      await markStripeEventApplied(trx, stored.id, { outcome: applied.outcome, parked: park, at });
      if (park) return { outcome: PARKED_OUTCOME, afterCommit: [] };
      return {
        outcome: applied.outcome,
        afterCommit: 'afterCommit' in applied ? (applied.afterCommit ?? []) : [],
      };
    });
    if (followUps === 'awaited') await runAfterCommit(deps, result.afterCommit, settings);
    else startFollowUps(deps, result.afterCommit, settings);
    return { status: 200, body: { received: true, outcome: result.outcome } };
  } catch (error) {
    deps.logger.error({ err: error, stripeEventId }, 'stripe event could not be applied');
    await recordStripeEventError(
      deps.db,
      stripeEventId,
      error instanceof Error ? error.message : 'failed',
    ).catch(() => undefined);
    return { status: 500, body: { error: 'The event could not be applied; Stripe will retry.' } };
  }
}

/**
 * Compares a redelivery with the stored copy of its event. Stripe's own retries may differ in
 * fields that describe the delivery (`pending_webhooks`, a re-rendered API version), never in
 * what happened: the type, the mode, when it was created and which object it is about.
 */
async function checkRepeatedEvent(
  deps: AppDeps,
  event: { id: string; type: string; payload: JsonObject },
  livemode: boolean,
): Promise<{ ok: true; effect: PaymentEffect } | { ok: false; differs: string }> {
  const stored = await findStoredStripeEvent(deps.db, event.id);
  if (!stored) throw new Error(`stripe event ${event.id} vanished between insert and read`);
  const before = stored.payload as unknown as EventIdentity;
  const now = event.payload as unknown as EventIdentity;
  const differs =
    stored.type !== event.type
      ? 'type'
      : stored.livemode !== livemode
        ? 'livemode'
        : before.created !== now.created
          ? 'created time'
          : before.data?.object?.id !== now.data?.object?.id
            ? 'object id'
            : null;
  if (differs) return { ok: false, differs };
  return { ok: true, effect: paymentEffectOfEvent(stored.payload as unknown as Stripe.Event) };
}

interface EventIdentity {
  created?: unknown;
  data?: { object?: { id?: unknown } };
}

/**
 * The stored copy of a verified body. stripe-node verifies the text a TextDecoder makes of the
 * bytes, which drops a leading byte-order mark, so a BOM in front of a signed event verifies;
 * but those bytes are not what Stripe signed, and they do not parse: refused like any malformed body.
 */
function signedPayload(rawBody: Buffer): JsonObject {
  try {
    return JSON.parse(rawBody.toString('utf8')) as JsonObject;
  } catch {
    throw new WebhookSignatureError('malformed', 'the body is not the JSON that was signed');
  }
}

/** Where a refused delivery came from, counted by network (an IPv6 /64) like every limit. */
const senderOf = (request: { remoteAddress: string | undefined }) =>
  request.remoteAddress === undefined ? null : clientNetwork(request.remoteAddress);

/** The mode an unverified body claims, only to count failures per mode; never trusted otherwise. */
function claimedMode(rawBody: Buffer): 'test' | 'live' | null {
  try {
    const body = JSON.parse(rawBody.toString('utf8')) as { livemode?: unknown };
    return body.livemode === true ? 'live' : body.livemode === false ? 'test' : null;
  } catch {
    return null;
  }
}
