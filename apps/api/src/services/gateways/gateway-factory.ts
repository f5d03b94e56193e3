import { createStripeGateway, type StripeGateway } from '@clinicpay/payments';

export type StripeGatewayFactory = (secretKey: string) => StripeGateway;

/**
 * One gateway per secret key, reused across requests (stripe-node keeps its agent and settings
 * per client). Where Stripe is comes from configuration (STRIPE_API_URL), never from the key.
 */
export function createStripeGatewayFactory(apiUrl: string | undefined): StripeGatewayFactory {
  const gateways = new Map<string, StripeGateway>();
  return (secretKey) => {
    let gateway = gateways.get(secretKey);
    if (!gateway) {
      gateway = createStripeGateway({ secretKey, apiUrl });
      // A handful of keys at most (test and live, plus a key being checked before save).
      if (gateways.size > 16) gateways.clear();
      gateways.set(secretKey, gateway);
    }
    return gateway;
  };
}
