import { addDays, toLocal } from '@clinicpay/contracts';
import type { CreateBookingInput } from '@clinicpay/contracts';
import { DEMO_SERVICES } from '../../src/seed/demo-clinic.data.js';
import { createTestCaller } from '../../src/testing.js';
import type { Runtime } from '../../src/bootstrap.js';

export const consultation = DEMO_SERVICES.find((s) => s.name === 'General consultation')!;
export const patient = {
  name: 'Ada Lovelace',
  email: 'ada@example.com',
  phone: '+44 20 7946 0018',
};

/** Free slots of a service over the next two weeks, as the booking SPA would list them. */
export async function freeSlots(runtime: Runtime, serviceId: string = consultation.id) {
  const caller = createTestCaller(runtime);
  const today = toLocal(runtime.clock.now(), 'America/New_York').date;
  const availability = await caller.catalogue.availability({
    serviceId,
    from: today,
    to: addDays(today, 13),
  });
  return availability.days.flatMap((d) => d.slots);
}

export async function book(
  runtime: Runtime,
  overrides: Partial<CreateBookingInput> & { startsAt: string },
  ip = '127.0.0.1',
) {
  return createTestCaller(runtime, ip).booking.create({
    serviceId: consultation.id,
    doctorId: 'any',
    patient,
    paymentMethod: 'stripe',
    ...overrides,
  });
}

export async function waitUntil<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
}
