import { z } from '../zod.js';

export const GATEWAYS = ['stripe', 'pay_at_clinic'] as const;
export type GatewayName = (typeof GATEWAYS)[number];

export const GATEWAY_LABELS: Readonly<Record<GatewayName, string>> = {
  stripe: 'Stripe',
  pay_at_clinic: 'Pay at clinic',
};

/** The Enable switch in the gateways list. */
export const SetGatewayEnabledInput = z.object({
  gateway: z.enum(GATEWAYS, { message: 'Choose Stripe or Pay at clinic.' }),
  enabled: z.boolean({ message: 'Say whether the gateway is on or off.' }),
});
export type SetGatewayEnabledInput = z.infer<typeof SetGatewayEnabledInput>;
