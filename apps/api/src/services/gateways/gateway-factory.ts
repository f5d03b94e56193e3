import { createStripeGateway, type StripeGateway } from '@clinicpay/payments';
import { observedGateway, type GatewayObserver } from './observed-gateway.js';

export type StripeGatewayFactory = (secretKey: string) => StripeGateway;

/**
 * One gateway per secret key, reused across requests (stripe-node keeps its agent and settings
 * per client). Where Stripe is comes from configuration (STRIPE_API_URL), never from the key.
 * Every call's outcome goes to `observer` (rate limits, a key Stripe stopped accepting).
 */
export function createStripeGatewayFactory(
  apiUrl: string | undefined,
  observer?: GatewayObserver,
): StripeGatewayFactory {
  const gateways = new Map<string, StripeGateway>();
  return (secretKey) => {
    let gateway = gateways.get(secretKey);
    if (!gateway) {
      const plain = createStripeGateway({ secretKey, apiUrl });
      gateway = observer ? observedGateway(plain, secretKey, observer) : plain;
      // A handful of keys at most (test and live, plus a key being checked before save).
      if (gateways.size > 16) gateways.clear();
      gateways.set(secretKey, gateway);
    }
    return gateway;
  };
}
