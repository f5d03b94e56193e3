import { findClinicReadiness } from '@clinicpay/db';
import type { AppDeps } from '../../deps.js';
import { requireClinic } from './require-clinic.js';

/**
 * The admin home's set-up checklist, each item ticked from what is stored (never from a flag an
 * admin could set): the checklist is done when patients can book and one booking went through.
 */
export async function readSetupChecklist(deps: AppDeps) {
  const clinic = await requireClinic(deps.db);
  const ready = await findClinicReadiness(deps.db, clinic.id);
  const items = {
    service: ready.services > 0,
    doctorWithHours: ready.doctorsWithHours > 0,
    wayToPay: ready.enabledGateways.length > 0,
    testBooking: ready.hasTestBooking,
  };
  return {
    items,
    takingBookings: ready.hasBookableService && items.wayToPay,
    done: Object.values(items).every(Boolean),
  };
}
