import { clearClientAddressesBefore } from '@clinicpay/db';
import type { AppDeps } from '../../deps.js';

/** How long a booking keeps the address it was made from: long enough to clean up a flood. */
export const CLIENT_ADDRESS_DAYS = 30;

/** The client addresses of bookings older than that are personal data nobody needs: cleared. */
export function forgetOldClientAddresses(deps: AppDeps): Promise<number> {
  const before = new Date(deps.clock.now().getTime() - CLIENT_ADDRESS_DAYS * 86_400_000);
  return clearClientAddressesBefore(deps.db, before);
}
