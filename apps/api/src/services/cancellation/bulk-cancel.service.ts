import type { BulkCancelInput, BulkCancelQueryInput } from '@clinicpay/contracts';
import { findOpenBookingsFromSource, type BookingSource } from '@clinicpay/db';
import type { AdminDeps, AppDeps } from '../../deps.js';
import { AppError } from '../../errors/app-error.js';
import { clientNetwork } from '../../security/client-network.js';
import { audit } from '../audit/record-audit.js';
import { cancelAppointmentByAdmin } from './cancel-by-clinic.service.js';

/** The most bookings one bulk cancel handles; a bigger flood is cancelled in a few rounds. */
export const BULK_CANCEL_LIMIT = 500;
const PREVIEW_ROWS = 50;

function sourceOf(query: BulkCancelQueryInput): BookingSource {
  if (query.kind === 'email') return { kind: 'email', value: query.value.toLowerCase() };
  if (query.kind === 'address') return { kind: 'address', value: query.value };
  return { kind: 'network', value: clientNetwork(query.value.replace(/\/64$/, '')) };
}

function findMatches(deps: AppDeps, query: BulkCancelQueryInput) {
  return findOpenBookingsFromSource(deps.db, {
    source: sourceOf(query),
    from: new Date(query.from),
    to: new Date(query.to),
    limit: BULK_CANCEL_LIMIT,
  });
}

/** What a bulk cancel would cancel: the count and the first bookings, for the admin to check. */
export async function previewBulkCancel(deps: AppDeps, query: BulkCancelQueryInput) {
  const matches = await findMatches(deps, query);
  return {
    source: sourceOf(query),
    count: matches.length,
    capped: matches.length === BULK_CANCEL_LIMIT,
    bookings: matches.slice(0, PREVIEW_ROWS).map((b) => ({
      reference: b.reference,
      status: b.status,
      startsAt: b.starts_at.toISOString(),
      createdAt: b.created_at.toISOString(),
    })),
  };
}

/**
 * Cancels the open bookings a flood made, one by one through the clinic's own cancel (so a paid
 * one is refunded and each patient is told, with the reason). One failure does not stop the rest:
 * the answer counts both, and the audit log records the whole action.
 */
export async function bulkCancel(deps: AdminDeps, input: BulkCancelInput) {
  const matches = await findMatches(deps, input.query);
  if (matches.length === 0)
    throw new AppError(
      'appointment_not_found',
      'No open bookings match: check the address or e-mail and the time window.',
    );
  let cancelled = 0;
  const failed: string[] = [];
  for (const booking of matches) {
    try {
      await cancelAppointmentByAdmin(deps, {
        appointmentId: booking.id,
        refund: 'full',
        reason: input.reason,
        actor: deps.admin.actor,
      });
      cancelled++;
    } catch (error) {
      deps.logger.warn({ err: error, reference: booking.reference }, 'bulk cancel skipped one');
      failed.push(booking.reference);
    }
  }
  const source = sourceOf(input.query);
  await audit(deps, deps.admin, 'appointments.bulk_cancelled', null, {
    source: source.kind,
    value: source.value,
    from: input.query.from,
    to: input.query.to,
    reason: input.reason,
    cancelled,
    failed,
  });
  return { cancelled, failed, capped: matches.length === BULK_CANCEL_LIMIT };
}
