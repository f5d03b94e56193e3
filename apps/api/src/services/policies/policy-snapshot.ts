import {
  CancellationPolicy,
  cancellationSentence,
  DEFAULT_CANCELLATION_POLICY,
  type PolicySnapshot,
} from '@clinicpay/contracts';
import { findPolicyForService, type Database, type JsonObject, type Kysely } from '@clinicpay/db';

/** A stored policy as the contract shapes it; anything else (none, or unreadable) is null. */
export function readPolicy(stored: JsonObject | null | undefined): CancellationPolicy | null {
  if (!stored) return null;
  const parsed = CancellationPolicy.safeParse(stored);
  return parsed.success ? parsed.data : null;
}

export function snapshotOf(policy: CancellationPolicy, currency: string): PolicySnapshot {
  return { ...policy, currency, sentence: cancellationSentence(policy, currency) };
}

/** The policy a booking of this service made now would keep: the service's, else the clinic's, else the default. */
export async function policyForNewBooking(
  db: Kysely<Database>,
  serviceId: string,
): Promise<PolicySnapshot | null> {
  const row = await findPolicyForService(db, serviceId);
  if (!row) return null;
  const policy =
    readPolicy(row.service_policy) ?? readPolicy(row.clinic_policy) ?? DEFAULT_CANCELLATION_POLICY;
  return snapshotOf(policy, row.currency);
}

/**
 * The policy that applies to a booking: the one stored with it. Bookings made before policies
 * existed get the default, in the clinic's currency.
 */
export function policyOfBooking(stored: JsonObject | null, clinicCurrency: string): PolicySnapshot {
  const policy = readPolicy(stored);
  if (
    policy &&
    stored &&
    typeof stored.sentence === 'string' &&
    typeof stored.currency === 'string'
  )
    return { ...policy, currency: stored.currency, sentence: stored.sentence };
  return snapshotOf(policy ?? DEFAULT_CANCELLATION_POLICY, clinicCurrency);
}
