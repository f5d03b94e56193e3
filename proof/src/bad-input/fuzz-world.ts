// What the fuzzer knows of the real data, so shaped inputs can get past the first checks: the
// catalogue's ids, some free times, the admin's email and a real booking's reference and secrets.
import { addDays, toLocal } from '@clinicpay/contracts';
import type { PendingBooking } from './pending-booking.js';
import { callOrThrow } from './trpc-http.js';

export interface FuzzWorld {
  serviceIds: string[];
  doctorIds: string[];
  /** Free slot times (ISO) over the next two weeks, when the fuzzing starts. */
  slotTimes: string[];
  today: string;
  adminEmail: string;
  booking: { reference: string; token: string; sessionId: string };
}

export async function loadFuzzWorld(
  baseUrl: string,
  booking: PendingBooking,
  adminEmail: string,
): Promise<FuzzWorld> {
  const clinic = await callOrThrow<{ timeZone: string }>(
    baseUrl,
    'catalogue.clinic',
    'query',
    undefined,
  );
  const services = await callOrThrow<Array<{ id: string }>>(
    baseUrl,
    'catalogue.services',
    'query',
    undefined,
  );
  const today = toLocal(new Date(), clinic.timeZone).date;
  const doctorIds = new Set<string>();
  const slotTimes = new Set<string>();
  for (const service of services) {
    const doctors = await callOrThrow<Array<{ id: string }>>(
      baseUrl,
      'catalogue.doctors',
      'query',
      { serviceId: service.id },
    );
    for (const doctor of doctors) doctorIds.add(doctor.id);
    const availability = await callOrThrow<{ days: Array<{ slots: Array<{ startsAt: string }> }> }>(
      baseUrl,
      'catalogue.availability',
      'query',
      {
        serviceId: service.id,
        from: today,
        to: addDays(today, 13),
      },
    );
    for (const slot of availability.days.flatMap((d) => d.slots).slice(0, 20))
      slotTimes.add(slot.startsAt);
  }
  return {
    serviceIds: services.map((s) => s.id),
    doctorIds: [...doctorIds],
    slotTimes: [...slotTimes],
    today,
    adminEmail,
    booking: { reference: booking.reference, token: booking.token, sessionId: booking.sessionId },
  };
}
