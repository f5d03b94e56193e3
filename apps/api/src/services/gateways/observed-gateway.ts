import { GatewayError, type StripeGateway } from '@clinicpay/payments';

/** A gateway call, by the method's name. */
export type GatewayCall = keyof StripeGateway;

/** What the API learns from each of Stripe's answers, whoever made the call. */
export interface GatewayObserver {
  /** Stripe answered: a success, or a refusal of the request itself (a decline, a bad id). */
  answered(secretKey: string, call: GatewayCall): Promise<void>;
  /** Stripe refused the key: unknown, expired or revoked (401), or missing a right (403). */
  refused(secretKey: string, call: GatewayCall, error: GatewayError): Promise<void>;
  /** Stripe answered 429. */
  rateLimited(secretKey: string): Promise<void>;
}

/** The gateway, reporting every call's outcome to `observer` before its caller sees it. */
export function observedGateway(
  gateway: StripeGateway,
  secretKey: string,
  observer: GatewayObserver,
): StripeGateway {
  async function observe<T>(call: GatewayCall, run: () => Promise<T>): Promise<T> {
    try {
      const result = await run();
      await observer.answered(secretKey, call);
      return result;
    } catch (error) {
      if (error instanceof GatewayError) await report(call, error);
      throw error;
    }
  }
  async function report(call: GatewayCall, error: GatewayError): Promise<void> {
    if (error.code === 'rate_limited') return observer.rateLimited(secretKey);
    if (error.code === 'not_configured') {
      // No call was made for a blank key: nothing Stripe said.
      if (error.statusCode !== undefined) await observer.refused(secretKey, call, error);
      return;
    }
    if (error.code !== 'unavailable' && error.code !== 'unexpected_response')
      await observer.answered(secretKey, call);
  }
  return {
    verifyCredentials: () => observe('verifyCredentials', () => gateway.verifyCredentials()),
    createCheckoutSession: (input) =>
      observe('createCheckoutSession', () => gateway.createCheckoutSession(input)),
    createTestCheckoutSession: (input) =>
      observe('createTestCheckoutSession', () => gateway.createTestCheckoutSession(input)),
    retrieveCheckoutSession: (id) =>
      observe('retrieveCheckoutSession', () => gateway.retrieveCheckoutSession(id)),
    retrieveEmbeddedCheckout: (id) =>
      observe('retrieveEmbeddedCheckout', () => gateway.retrieveEmbeddedCheckout(id)),
    expireCheckoutSession: (id) =>
      observe('expireCheckoutSession', () => gateway.expireCheckoutSession(id)),
    refund: (input) => observe('refund', () => gateway.refund(input)),
    retrieveEvent: (id) => observe('retrieveEvent', () => gateway.retrieveEvent(id)),
    retrieveObject: (path) => observe('retrieveObject', () => gateway.retrieveObject(path)),
  };
}
