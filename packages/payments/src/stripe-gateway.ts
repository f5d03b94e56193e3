/**
 * The Stripe operations Clinicpay makes, over stripe-node. No database, no env: the key and where
 * Stripe is arrive as arguments. Every call's errors are translated into GatewayError.
 */
import type Stripe from 'stripe';
import {
  checkoutSessionIdempotencyKey,
  checkoutSessionParams,
  type CreateCheckoutSessionInput,
} from './checkout/checkout-session-params';
import { checkoutSessionState, type CheckoutSessionState } from './checkout/checkout-session-state';
import {
  testCheckoutSessionParams,
  type TestCheckoutSessionInput,
} from './checkout/test-checkout-session-params';
import { KEY_RIGHTS } from './credentials/key-rights';
import {
  GatewayError,
  GatewayNotConfiguredError,
  toGatewayError,
  translatingStripeErrors,
} from './gateway-errors';
import { createRefund, type RefundInput, type RefundResult } from './refunds/create-refund';
import { createStripeClient, type StripeClientOptions } from './stripe-client';

export interface CreatedCheckoutSession {
  id: string;
  /** For Embedded Checkout in the patient's browser. */
  clientSecret: string;
  expiresAt: Date;
  livemode: boolean;
}

export type ExpireCheckoutSessionResult =
  /** Expired now, or before: either way no payment can land on it any more. */
  | { outcome: 'expired'; session: CheckoutSessionState }
  /** The patient paid first: the caller must fulfil (or refund), not cancel. */
  | { outcome: 'already_complete'; session: CheckoutSessionState };

/** A session with the secret Embedded Checkout mounts it by, kept apart from the state others log. */
export interface EmbeddedCheckoutSession {
  session: CheckoutSessionState;
  /** Null when Stripe gives none (a session that is not embedded). */
  clientSecret: string | null;
}

export interface StripeGateway {
  /**
   * Proves the key may make every call Clinicpay makes, without side effects (key-rights.ts);
   * throws GatewayNotConfiguredError naming what is missing.
   */
  verifyCredentials(): Promise<void>;
  createCheckoutSession(input: CreateCheckoutSessionInput): Promise<CreatedCheckoutSession>;
  /** A throwaway session for the admin's "Test the checkout" (test-checkout-session-params.ts). */
  createTestCheckoutSession(input: TestCheckoutSessionInput): Promise<CreatedCheckoutSession>;
  retrieveCheckoutSession(id: string): Promise<CheckoutSessionState>;
  /** The same read, with the client secret, to mount an existing session's card form again. */
  retrieveEmbeddedCheckout(id: string): Promise<EmbeddedCheckoutSession>;
  expireCheckoutSession(id: string): Promise<ExpireCheckoutSessionResult>;
  refund(input: RefundInput): Promise<RefundResult>;
  /** An event by id (the snapshot a thin event names). */
  retrieveEvent(id: string): Promise<Stripe.Event>;
  /** Any API v1 object by the path a thin event names (`/v1/payment_intents/pi_…`). */
  retrieveObject(path: string): Promise<object>;
}

export type StripeGatewayOptions = StripeClientOptions;

export function createStripeGateway(options: StripeGatewayOptions): StripeGateway {
  // A blank key never reaches Stripe: the admin gets the same error as for a refused one.
  const stripe = options.secretKey.trim() ? createStripeClient(options) : null;
  const call = <T>(operation: (client: Stripe) => Promise<T>): Promise<T> => {
    if (!stripe)
      return Promise.reject(
        new GatewayNotConfiguredError({ stripeMessage: 'No secret key is saved.' }),
      );
    return translatingStripeErrors(() => operation(stripe));
  };

  const retrieve = (id: string) =>
    call(async (client) =>
      checkoutSessionState(
        await client.checkout.sessions.retrieve(id, { expand: ['payment_intent'] }),
      ),
    );

  return {
    async verifyCredentials() {
      // Each right Clinicpay's calls need, proven by a call that changes nothing, so a restricted
      // key with those rights passes and one without names what is missing.
      const outcomes = await Promise.all(
        KEY_RIGHTS.map((right) =>
          call((client) => right.probe(client)).then(
            () => null,
            (error: unknown) => toGatewayError(error),
          ),
        ),
      );
      const missing: string[] = [];
      for (const [i, error] of outcomes.entries()) {
        if (error === null || error.code === 'not_found') continue;
        // A key Stripe does not know at all, or Stripe out of reach: that, not a list of rights.
        if (!(error instanceof GatewayNotConfiguredError) || error.statusCode !== 403) throw error;
        missing.push(KEY_RIGHTS[i]!.label);
      }
      if (missing.length > 0) {
        throw new GatewayNotConfiguredError({
          statusCode: 403,
          stripeMessage: `This restricted key lacks permissions Clinicpay needs: ${missing.join(', ')}. Allow them on the key in Stripe's Dashboard (Developers › API keys), or use the secret key.`,
        });
      }
    },

    async createCheckoutSession(input) {
      const params = checkoutSessionParams(input);
      const session = await call((client) =>
        client.checkout.sessions.create(params, {
          idempotencyKey: checkoutSessionIdempotencyKey(input.paymentId),
        }),
      );
      return embeddedSession(session);
    },

    async createTestCheckoutSession(input) {
      const session = await call((client) =>
        client.checkout.sessions.create(testCheckoutSessionParams(input)),
      );
      return embeddedSession(session);
    },

    retrieveCheckoutSession: retrieve,

    async retrieveEmbeddedCheckout(id) {
      const session = await call((client) =>
        client.checkout.sessions.retrieve(id, { expand: ['payment_intent'] }),
      );
      return {
        session: checkoutSessionState(session),
        clientSecret: session.client_secret ?? null,
      };
    },

    async expireCheckoutSession(id) {
      try {
        await call((client) => client.checkout.sessions.expire(id));
      } catch (error) {
        // Stripe refuses to expire a session that is not open; a known end state is success.
        if (!(error instanceof GatewayError) || error.code !== 'invalid_request') throw error;
      }
      const session = await retrieve(id);
      if (session.status === 'complete') return { outcome: 'already_complete', session };
      if (session.status === 'expired') return { outcome: 'expired', session };
      throw new GatewayError('unexpected_response', 'Stripe did not expire the checkout session', {
        stripeMessage: `The session is still ${session.status}`,
      });
    },

    refund: (input) => call((client) => createRefund(client, input)),

    retrieveEvent: (id) => call((client) => client.events.retrieve(id)),

    async retrieveObject(path) {
      // Only a path of the API this client speaks: never a URL elsewhere, never a write.
      if (!/^\/v1\/[a-z_/]+\/[A-Za-z0-9_]+$/.test(path)) {
        throw new GatewayError('invalid_request', `Not a Stripe object path: ${path}`);
      }
      const object: unknown = await call((client) => client.rawRequest('GET', path));
      if (typeof object !== 'object' || object === null)
        throw new GatewayError('unexpected_response', `Stripe sent no object for ${path}`);
      return object;
    },
  };
}

function embeddedSession(session: Stripe.Checkout.Session): CreatedCheckoutSession {
  if (!session.client_secret) {
    throw new GatewayError(
      'unexpected_response',
      'Stripe returned an embedded checkout session without a client secret',
    );
  }
  return {
    id: session.id,
    clientSecret: session.client_secret,
    expiresAt: new Date(session.expires_at * 1000),
    livemode: session.livemode,
  };
}
