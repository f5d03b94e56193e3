import {
  DEFAULT_CANCELLATION_POLICY,
  rescheduleSentence,
  type SavePolicyInput,
} from '@clinicpay/contracts';
import { findPolicies, saveClinicPolicy, saveServicePolicy } from '@clinicpay/db';
import { AppError } from '../../errors/app-error.js';
import type { AdminDeps } from '../../deps.js';
import { audit } from '../audit/record-audit.js';
import { requireClinic } from '../clinic/require-clinic.js';
import { readPolicy, snapshotOf } from './policy-snapshot.js';

/** The admin's Policies page: the clinic's policy and each service's override, with their sentences. */
export async function getPolicies(deps: AdminDeps) {
  const clinic = await requireClinic(deps.db);
  const { clinic: row, services } = await findPolicies(deps.db, clinic.id);
  const clinicPolicy = readPolicy(row?.cancellation_policy) ?? DEFAULT_CANCELLATION_POLICY;
  const describe = (policy: typeof clinicPolicy) => {
    const snapshot = snapshotOf(policy, clinic.currency);
    return { policy, sentence: snapshot.sentence, reschedule: rescheduleSentence(policy) };
  };
  return {
    currency: clinic.currency,
    clinic: describe(clinicPolicy),
    services: services.map((s) => {
      const own = readPolicy(s.cancellation_policy);
      return { id: s.id, name: s.name, override: own ? describe(own) : null };
    }),
  };
}

/** Saves the clinic's policy or a service's override; new bookings keep it, old ones keep theirs. */
export async function savePolicy(deps: AdminDeps, input: SavePolicyInput) {
  const clinic = await requireClinic(deps.db);
  const at = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    if (input.scope === 'clinic') {
      await saveClinicPolicy(trx, clinic.id, { ...input.policy }, at);
      return;
    }
    const policy = input.policy ? { ...input.policy } : null;
    const saved = await saveServicePolicy(
      trx,
      { clinicId: clinic.id, serviceId: input.serviceId },
      policy,
      at,
    );
    if (!saved)
      throw new AppError('service_not_found', 'This service does not exist or was deleted.');
  });
  const target = input.scope === 'clinic' ? 'clinic' : `service:${input.serviceId}`;
  await audit(deps, deps.admin, 'policy.saved', target, {
    policy: input.policy ? { ...input.policy } : null,
  });
  return getPolicies(deps);
}
