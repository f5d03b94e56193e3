// A clinic's first run: on an empty installation the first admin creates the clinic (one per
// installation, decided by the database), then the checklist and the patient page follow what is
// stored. The Clinic page edits the same profile, within its currency and time-zone rules.
import type { RouterOutputs } from '@clinicpay/api';
import { addDays, toLocal } from '@clinicpay/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertAdmin } from '../src/seed/admin-users.js';
import { createTestCaller } from '../src/testing.js';
import { startTestApi, type TestApi } from '../src/testing.js';
import { dataOf, signIn, trpcMutation, trpcQuery } from './support/admin-http.js';

type Profile = RouterOutputs['admin']['clinic']['get'];
type Checklist = RouterOutputs['admin']['clinic']['checklist'];

const OWNER = { email: 'owner@harbour-clinic.example', password: 'a long owner password' };
const PROFILE = {
  name: 'Harbour Health',
  address: '1 Quay Street, Auckland 1010',
  timeZone: 'Pacific/Auckland',
  currency: 'nzd',
  contactEmail: 'desk@harbour-clinic.example',
  contactPhone: '+64 9 555 0100',
};

let api: TestApi;
let cookie: string;
let serviceId: string;
const query = (path: string, input?: unknown) => trpcQuery(api.url, path, input, { cookie });
const mutate = (path: string, input?: unknown) => trpcMutation(api.url, path, input, { cookie });
const messageOn = (answer: Awaited<ReturnType<typeof mutate>>, field: string) =>
  answer.body.error?.data.fieldErrors?.find((f) => f.path === field)?.message;

beforeAll(async () => {
  api = await startTestApi({ seed: false });
  await upsertAdmin(api.db, OWNER);
  cookie = await signIn(api.url, OWNER);
});
afterAll(async () => {
  await api?.stop();
});

describe('before set-up', () => {
  it('the admin is told there is no clinic yet, and the patient page that it takes no bookings', async () => {
    expect(dataOf<Profile>(await query('admin.clinic.get'))).toEqual({
      clinic: null,
      currencyLocked: null,
    });
    const patient = await trpcQuery(api.url, 'catalogue.clinic', undefined);
    expect(patient.status).toBe(404);
    expect(patient.body.error?.message).toBe(
      'This clinic is not taking online bookings yet. Please call the clinic to book.',
    );
  });

  it('set-up is refused without a signed-in admin', async () => {
    const answer = await trpcMutation(api.url, 'admin.clinic.setUp', PROFILE);
    expect(answer.status).toBe(401);
  });

  it.each([
    ['name', { name: ' ' }, "Enter the clinic's name."],
    ['timeZone', { timeZone: 'Mars/Olympus_Mons' }, 'Choose a time zone from the list'],
    ['timeZone', { timeZone: 'EST' }, 'Choose a time zone from the list'],
    ['currency', { currency: 'XYZ' }, 'Currency not supported by Stripe: XYZ is not'],
    ['contactEmail', { contactEmail: 'desk.harbour-clinic.example' }, 'with an @'],
    ['contactPhone', { contactPhone: '09 555 0100' }, 'a + and the country code'],
  ])('a bad %s is refused with a sentence, and nothing is created', async (field, change, text) => {
    const answer = await mutate('admin.clinic.setUp', { ...PROFILE, ...change });
    expect(answer.status).toBe(400);
    expect(messageOn(answer, field)).toContain(text);
    expect(dataOf<Profile>(await query('admin.clinic.get')).clinic).toBeNull();
  });
});

describe('set-up', () => {
  it('two set-ups at once create one clinic; the other is told it exists', async () => {
    const answers = await Promise.all([
      mutate('admin.clinic.setUp', PROFILE),
      mutate('admin.clinic.setUp', { ...PROFILE, name: 'Harbour Health (twice)' }),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect(answers.find((a) => a.status === 409)?.body.error?.message).toBe(
      'This installation already has its clinic; change its details on the Clinic page.',
    );
    const clinics = await api.db.selectFrom('clinics').select('name').execute();
    expect(clinics).toHaveLength(1);
  });

  it('keeps the profile as given, the phone in E.164 and the currency upper-case', async () => {
    const { clinic } = dataOf<Profile>(await query('admin.clinic.get'));
    expect(clinic).toMatchObject({
      address: PROFILE.address,
      timeZone: 'Pacific/Auckland',
      currency: 'NZD',
      contactEmail: PROFILE.contactEmail,
      contactPhone: '+6495550100',
    });
  });

  it('a replayed set-up is refused with a sentence', async () => {
    const answer = await mutate('admin.clinic.setUp', PROFILE);
    expect(answer.status).toBe(409);
    expect(answer.body.error?.data.appCode).toBe('clinic_already_set_up');
  });

  it('Payment Settings shows the clinic currency', async () => {
    const stripe = dataOf<{ currency: string }>(await query('admin.stripeSettings.get'));
    expect(stripe.currency).toBe('NZD');
  });
});

describe('the checklist and the patient page follow what is stored', () => {
  it('nothing is ticked on a new clinic, and patients cannot book yet', async () => {
    expect(dataOf<Checklist>(await query('admin.clinic.checklist'))).toEqual({
      items: { service: false, doctorWithHours: false, wayToPay: false, testBooking: false },
      takingBookings: false,
      done: false,
    });
    const patient = dataOf<{ name: string; takingBookings: boolean }>(
      await trpcQuery(api.url, 'catalogue.clinic', undefined),
    );
    expect(patient).toMatchObject({ name: 'Harbour Health', takingBookings: false });
  });

  it('ticks each item as the admin adds it; bookings open once all three are there', async () => {
    const service = dataOf<{ id: string }>(
      await mutate('admin.services.create', {
        name: 'Consultation',
        durationMinutes: 30,
        price: { amount: 9000, currency: 'NZD' },
      }),
    );
    expect(dataOf<Checklist>(await query('admin.clinic.checklist')).items.service).toBe(true);

    const doctor = dataOf<{ id: string }>(
      await mutate('admin.doctors.create', { name: 'Dr. Rua Tane', specialty: 'General practice' }),
    );
    expect(dataOf<Checklist>(await query('admin.clinic.checklist')).items.doctorWithHours).toBe(
      false,
    );
    dataOf(
      await mutate('admin.doctors.setWeeklyHours', {
        doctorId: doctor.id,
        hours: [{ weekday: 1, start: '09:00', end: '17:00' }],
      }),
    );
    dataOf(
      await mutate('admin.doctors.setServices', { doctorId: doctor.id, serviceIds: [service.id] }),
    );
    const beforePay = dataOf<Checklist>(await query('admin.clinic.checklist'));
    expect(beforePay.items).toMatchObject({ doctorWithHours: true, wayToPay: false });
    expect(beforePay.takingBookings).toBe(false);

    dataOf(await mutate('admin.gateways.setEnabled', { gateway: 'pay_at_clinic', enabled: true }));
    const ready = dataOf<Checklist>(await query('admin.clinic.checklist'));
    expect(ready).toMatchObject({ takingBookings: true, done: false });
    expect(ready.items).toEqual({
      service: true,
      doctorWithHours: true,
      wayToPay: true,
      testBooking: false,
    });
    const patient = dataOf<{ takingBookings: boolean }>(
      await trpcQuery(api.url, 'catalogue.clinic', undefined),
    );
    expect(patient.takingBookings).toBe(true);
    serviceId = service.id;
  });

  it('ticks the test booking once a patient booking is confirmed', async () => {
    const caller = createTestCaller(api.runtime);
    const today = toLocal(api.runtime.clock.now(), 'Pacific/Auckland').date;
    const { days } = await caller.catalogue.availability({
      serviceId,
      from: today,
      to: addDays(today, 13),
    });
    const slot = days.flatMap((d) => d.slots)[0]!;
    const booked = await caller.booking.create({
      serviceId,
      doctorId: 'any',
      startsAt: slot.startsAt,
      patient: { name: 'Aroha Smith', email: 'aroha@example.com', phone: '+64 21 555 0101' },
      paymentMethod: 'pay_at_clinic',
    });
    expect(booked.status).toBe('confirmed');
    expect(dataOf<Checklist>(await query('admin.clinic.checklist'))).toMatchObject({
      items: { testBooking: true },
      done: true,
    });
  });
});

describe('the Clinic page', () => {
  const update = (change: Record<string, unknown>) =>
    mutate('admin.clinic.update', { ...PROFILE, currency: 'NZD', ...change });

  it('edits the profile and records who changed what', async () => {
    dataOf(await update({ address: '2 Quay Street, Auckland 1010' }));
    const { clinic } = dataOf<Profile>(await query('admin.clinic.get'));
    expect(clinic?.address).toBe('2 Quay Street, Auckland 1010');
    const audit = await api.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('action', '=', 'clinic.updated')
      .execute();
    expect(audit.at(-1)?.details).toEqual({
      changes: { address: { from: PROFILE.address, to: '2 Quay Street, Auckland 1010' } },
    });
  });

  it('locks the currency once a payment exists, and says why', async () => {
    expect(dataOf<Profile>(await query('admin.clinic.get')).currencyLocked).toBe(
      'The currency stays NZD: a payment is recorded in it, and amounts in one currency cannot be read as another.',
    );
    const answer = await update({ currency: 'AUD' });
    expect(answer.status).toBe(400);
    expect(messageOn(answer, 'currency')).toMatch(/^The currency stays NZD/);
    const stripe = await mutate('admin.stripeSettings.save', {
      enabled: false,
      mode: 'test',
      currency: 'AUD',
      failurePolicy: 'cancel',
    });
    expect(messageOn(stripe, 'currency')).toMatch(/^The currency stays NZD/);
  });

  it('a new time zone with bookings ahead needs confirming, after saying what it changes', async () => {
    const preview = dataOf<{
      futureBookings: number;
      showAnotherLocalTime: number;
      outsideWorkingHours: number;
    }>(await query('admin.clinic.previewTimeZoneChange', { timeZone: 'Europe/London' }));
    // Monday in Auckland is Sunday evening or Monday morning in London, outside 09:00–17:00 Monday.
    expect(preview).toEqual({ futureBookings: 1, showAnotherLocalTime: 1, outsideWorkingHours: 1 });

    const unconfirmed = await update({ timeZone: 'Europe/London' });
    expect(unconfirmed.status).toBe(409);
    expect(unconfirmed.body.error?.message).toContain('confirm the change');
    expect(dataOf<Profile>(await query('admin.clinic.get')).clinic?.timeZone).toBe(
      'Pacific/Auckland',
    );

    dataOf(await update({ timeZone: 'Europe/London', confirmTimeZoneChange: true }));
    expect(dataOf<Profile>(await query('admin.clinic.get')).clinic?.timeZone).toBe('Europe/London');
  });
});
