import type {
  ClinicProfileInput,
  TimeZoneChangeInput,
  UpdateClinicInput,
} from '@clinicpay/contracts';
import {
  countPayments,
  createClinic,
  findClinic,
  lockClinic,
  ONE_CLINIC_CONSTRAINT,
  setStripeCurrency,
  UniqueViolationError,
  updateClinic,
} from '@clinicpay/db';
import type { AdminDeps, AppDeps } from '../../deps.js';
import { AppError } from '../../errors/app-error.js';
import { audit } from '../audit/record-audit.js';
import { currencyRuleProblems } from '../gateways/currency-rule.js';
import { forgetStripeSettings } from '../gateways/stripe-settings-cache.js';
import { currencyLockedSentence, currencyLockProblems } from './currency-lock.js';
import { requireClinic } from './require-clinic.js';
import { timeZoneChangeEffect } from './time-zone-change.js';

const ALREADY_SET_UP =
  'This installation already has its clinic; change its details on the Clinic page.';

/** The clinic as the admin edits it, or null before set-up; with whether its currency is fixed. */
export async function readClinicProfile(deps: AppDeps) {
  const clinic = await findClinic(deps.db);
  if (!clinic) return { clinic: null, currencyLocked: null };
  const payments = await countPayments(deps.db);
  return {
    clinic: {
      name: clinic.name,
      address: clinic.address,
      timeZone: clinic.time_zone,
      currency: clinic.currency,
      contactEmail: clinic.contact_email,
      contactPhone: clinic.contact_phone,
    },
    currencyLocked: payments > 0 ? currencyLockedSentence(clinic.currency, payments) : null,
  };
}

/** The first admin's set-up: creates the installation's one clinic. */
export async function setUpClinic(deps: AdminDeps, input: ClinicProfileInput) {
  if (await findClinic(deps.db)) throw new AppError('clinic_already_set_up', ALREADY_SET_UP);
  try {
    await createClinic(deps.db, input, deps.clock.now());
  } catch (error) {
    // Another set-up won the race: the database keeps one clinic.
    if (error instanceof UniqueViolationError && error.constraint === ONE_CLINIC_CONSTRAINT)
      throw new AppError('clinic_already_set_up', ALREADY_SET_UP, { cause: error });
    throw error;
  }
  await audit(deps, deps.admin, 'clinic.set_up', null, { name: input.name });
  return readClinicProfile(deps);
}

/** What a move to another time zone would do to the bookings ahead (for the confirmation). */
export async function previewTimeZoneChange(deps: AppDeps, input: TimeZoneChangeInput) {
  const clinic = await requireClinic(deps.db);
  return timeZoneChangeEffect(deps.db, {
    from: clinic.time_zone,
    to: input.timeZone,
    now: deps.clock.now(),
  });
}

/**
 * Saves the clinic's profile. The currency cannot change once a payment exists, and must pass
 * the Stripe currency rule (services priced in it); Stripe's settings follow it. A new time zone
 * with bookings ahead needs the admin's confirmation of what it does to them.
 */
export async function updateClinicProfile(deps: AdminDeps, input: UpdateClinicInput) {
  const current = await requireClinic(deps.db);
  const { confirmTimeZoneChange, ...profile } = input;
  if (profile.currency !== current.currency) {
    const locked = await currencyLockProblems(deps.db, current.currency, profile.currency);
    const problems = locked.length
      ? locked
      : await currencyRuleProblems(deps.db, current.id, profile.currency);
    if (problems.length > 0)
      throw new AppError('settings_invalid', problems.map((p) => p.message).join(' '), {
        fieldErrors: problems,
      });
  }
  if (profile.timeZone !== current.time_zone && !confirmTimeZoneChange) {
    const effect = await previewTimeZoneChange(deps, { timeZone: profile.timeZone });
    if (effect.futureBookings > 0)
      throw new AppError(
        'confirmation_needed',
        `Moving to ${profile.timeZone} changes how ${effect.futureBookings} upcoming booking(s) read: confirm the change to save it.`,
      );
  }
  const at = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await lockClinic(trx, current.id);
    await updateClinic(trx, current.id, profile, at);
    // One currency for the clinic: Stripe charges in the currency its services are priced in.
    if (profile.currency !== current.currency)
      await setStripeCurrency(trx, current.id, profile.currency, at);
  });
  forgetStripeSettings(deps.db);
  await audit(deps, deps.admin, 'clinic.updated', null, changedFields(current, profile));
  return readClinicProfile(deps);
}

type StoredClinic = Awaited<ReturnType<typeof requireClinic>>;

function changedFields(before: StoredClinic, after: ClinicProfileInput) {
  const pairs: [string, string, string][] = [
    ['name', before.name, after.name],
    ['address', before.address, after.address],
    ['timeZone', before.time_zone, after.timeZone],
    ['currency', before.currency, after.currency],
    ['contactEmail', before.contact_email, after.contactEmail],
    ['contactPhone', before.contact_phone, after.contactPhone],
  ];
  const changes: Record<string, { from: string; to: string }> = {};
  for (const [name, from, to] of pairs) if (from !== to) changes[name] = { from, to };
  return { changes };
}
