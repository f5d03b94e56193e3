import type { SaveBookingProtectionInput } from '@clinicpay/contracts';
import { updateBookingGuards } from '@clinicpay/db';
import type { AdminDeps, AppDeps } from '../../deps.js';
import { audit } from '../audit/record-audit.js';
import { requireClinic } from './require-clinic.js';

/** The clinic's anti-flood settings, and whether configuration turned the proof of work off. */
export async function readBookingProtection(deps: AppDeps) {
  const clinic = await requireClinic(deps.db);
  return {
    maxOpenBookingsPerContact: clinic.max_open_bookings_per_contact,
    challengeAlways: clinic.booking_challenge_always,
    challengeThreshold: clinic.booking_challenge_threshold,
    challengeSwitchedOff: deps.config.security.bookingChallenge === 'off',
  };
}

export async function saveBookingProtection(deps: AdminDeps, input: SaveBookingProtectionInput) {
  const clinic = await requireClinic(deps.db);
  await updateBookingGuards(deps.db, clinic.id, input, deps.clock.now());
  await audit(deps, deps.admin, 'booking_protection.saved', null, { ...input });
  return readBookingProtection(deps);
}
