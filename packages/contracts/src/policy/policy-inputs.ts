import { z } from '../zod.js';
import { CancellationPolicy } from './cancellation-policy.js';

/** The admin saves the clinic's policy (no service) or a service's override (null policy: none). */
export const SavePolicyInput = z.discriminatedUnion('scope', [
  z.object({ scope: z.literal('clinic'), policy: CancellationPolicy }),
  z.object({
    scope: z.literal('service'),
    serviceId: z.uuid({ message: 'Choose a service from the list.' }),
    policy: CancellationPolicy.nullable(),
  }),
]);
export type SavePolicyInput = z.infer<typeof SavePolicyInput>;
