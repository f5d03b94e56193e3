import { GatewayError, type StripeGateway } from '@clinicpay/payments';

/** What the API learns from each of Stripe's answers, whoever made the call. */
export interface GatewayObserver {
  /** Stripe answered: a success, or a refusal of the request itself (a decline, a bad id). */
  answered(secretKey: string): Promise<void>;
  /** Stripe refused the key: unknown, expired or revoked (401), or missing a right (403). */
  refused(secretKey: string, error: GatewayError): Promise<void>;
  /** Stripe answered 429. */
  rateLimited(secretKey: string): Promise<void>;
}

/** The gateway, reporting every call's outcome to `observer` before its caller sees it. */
export function observedGateway(
  gateway: StripeGateway,
  secretKey: string,
  observer: GatewayObserver,
): StripeGateway {
  async function observe<T>(call: () => Promise<T>): Promise<T> {
    try {
      const result = await call();
      await observer.answered(secretKey);
      return result;
    } catch (error) {
      if (error instanceof GatewayError) await report(error);
      throw error;
    }
  }
  async function report(error: GatewayError): Promise<void> {
    if (error.code === 'rate_limited') return observer.rateLimited(secretKey);
    if (error.code === 'not_configured') {
      // No call was made for a blank key: nothing Stripe said.
      if (error.statusCode !== undefined) await observer.refused(secretKey, error);
      return;
    }
    if (error.code !== 'unavailable' && error.code !== 'unexpected_response')
      await observer.answered(secretKey);
  }
  return {
    verifyCredentials: () => observe(() => gateway.verifyCredentials()),
    createCheckoutSession: (input) => observe(() => gateway.createCheckoutSession(input)),
    retrieveCheckoutSession: (id) => observe(() => gateway.retrieveCheckoutSession(id)),
    retrieveEmbeddedCheckout: (id) => observe(() => gateway.retrieveEmbeddedCheckout(id)),
    expireCheckoutSession: (id) => observe(() => gateway.expireCheckoutSession(id)),
    refund: (input) => observe(() => gateway.refund(input)),
  };
}
