import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouterOutputs } from '../src/index.js';
import { DEMO_DOCTORS, DEMO_SERVICES } from '../src/seed/demo-clinic.data.js';
import { createTestCaller, startTestApi, type TestApi } from '../src/testing.js';
import { dataOf, signIn, trpcMutation, trpcQuery, type HttpAnswer } from './support/admin-http.js';
import { book, freeSlots } from './support/booking.js';

type Service = RouterOutputs['admin']['services']['list'][number];
type Doctor = RouterOutputs['admin']['doctors']['list'][number];

let api: TestApi;
let cookie: string;
beforeAll(async () => {
  api = await startTestApi();
  cookie = await signIn(api.url);
});
afterAll(async () => {
  await api?.stop();
});

const mutate = (path: string, input: object) =>
  trpcMutation(api.url, `admin.${path}`, input, { cookie });
const services = async () =>
  dataOf<Service[]>(await trpcQuery(api.url, 'admin.services.list', undefined, { cookie }));
const doctors = async () =>
  dataOf<Doctor[]>(await trpcQuery(api.url, 'admin.doctors.list', undefined, { cookie }));
const fieldsOf = (answer: HttpAnswer) => answer.body.error?.data.fieldErrors?.map((f) => f.path);
const okafor = DEMO_DOCTORS[0].id;
const usd = (amount: number) => ({ amount, currency: 'USD' });

describe('services', () => {
  it('lists every service with duration, price and doctors', async () => {
    const consultation = (await services()).find((s) => s.id === DEMO_SERVICES[0].id);
    expect(consultation).toEqual({
      id: DEMO_SERVICES[0].id,
      name: 'General consultation',
      durationMinutes: 30,
      price: usd(6000),
      doctorIds: [...DEMO_SERVICES[0].doctorIds].sort(),
      deleted: false,
      deletedAt: null,
    });
  });

  it('creates, edits, deletes (softly) and restores a service; patients see each change', async () => {
    const created = dataOf<Service>(
      await mutate('services.create', {
        name: 'Vaccination',
        durationMinutes: 15,
        price: { amount: 2500, currency: 'usd' },
        doctorIds: [okafor],
      }),
    );
    expect(created).toMatchObject({
      name: 'Vaccination',
      price: usd(2500),
      doctorIds: [okafor],
      deleted: false,
    });
    const publicNames = async () =>
      (await createTestCaller(api.runtime).catalogue.services()).map((s) => s.name);
    expect(await publicNames()).toContain('Vaccination');

    expect(
      dataOf<Service>(
        await mutate('services.update', {
          serviceId: created.id,
          name: 'Flu vaccination',
          durationMinutes: 20,
          price: usd(3000),
        }),
      ),
    ).toMatchObject({ name: 'Flu vaccination', durationMinutes: 20 });
    expect(
      dataOf<Service>(await mutate('services.delete', { serviceId: created.id })),
    ).toMatchObject({ deleted: true });
    expect(await publicNames()).not.toContain('Flu vaccination');
    expect((await services()).some((s) => s.id === created.id)).toBe(true);
    expect(
      dataOf<Service>(await mutate('services.restore', { serviceId: created.id })),
    ).toMatchObject({ deleted: false });
    expect(await publicNames()).toContain('Flu vaccination');
  });

  it("refuses prices Stripe cannot charge, another currency than Stripe's, and unknown doctors, each on its field", async () => {
    const base = { name: 'Test', durationMinutes: 30 };
    const below = await mutate('services.create', { ...base, price: usd(30) });
    expect(below.status).toBe(400);
    expect(below.body.error?.data.fieldErrors).toEqual([
      {
        path: 'price.amount',
        message:
          "Stripe's smallest charge in USD is $0.50: charge at least that, or 0 for a free service.",
      },
    ]);
    expect(
      fieldsOf(
        await mutate('services.create', { ...base, price: { amount: 5000, currency: 'EUR' } }),
      ),
    ).toEqual(['price.currency']);
    expect(
      fieldsOf(
        await mutate('services.create', {
          ...base,
          price: usd(5000),
          doctorIds: ['00000000-0000-4000-8000-000000000000'],
        }),
      ),
    ).toEqual(['doctorIds']);
    expect(
      fieldsOf(
        await mutate('services.create', {
          name: 'X',
          durationMinutes: 0,
          price: { amount: -1, currency: 'ZZZ' },
        }),
      ),
    ).toEqual(['name', 'durationMinutes', 'price.amount', 'price.currency']);
    expect(
      (await mutate('services.create', { ...base, name: 'Free check', price: usd(0) })).status,
    ).toBe(200);
    expect(
      (
        await mutate('services.update', {
          serviceId: '00000000-0000-4000-8000-000000000000',
          ...base,
          price: usd(5000),
        })
      ).status,
    ).toBe(404);
  });
});

describe('doctors', () => {
  it('lists doctors with services, weekly hours as clock times, and time off', async () => {
    const doctor = (await doctors()).find((d) => d.id === okafor)!;
    expect(doctor).toMatchObject({ name: 'Dr. Amara Okafor', active: true, timeOff: [] });
    expect(doctor.weeklyHours.filter((h) => h.weekday === 1)).toEqual([
      { weekday: 1, start: '09:00', end: '12:30' },
      { weekday: 1, start: '13:30', end: '17:00' },
    ]);
  });

  it('creates a doctor, gives them services, and takes them off the booking page when inactive', async () => {
    const created = dataOf<Doctor>(
      await mutate('doctors.create', { name: 'Dr. Rosalind Franklin', specialty: 'Radiology' }),
    );
    expect(
      dataOf<Doctor>(
        await mutate('doctors.setServices', {
          doctorId: created.id,
          serviceIds: [DEMO_SERVICES[0].id],
        }),
      ).serviceIds,
    ).toEqual([DEMO_SERVICES[0].id]);
    const offered = async () =>
      (
        await createTestCaller(api.runtime).catalogue.doctors({ serviceId: DEMO_SERVICES[0].id })
      ).map((d) => d.id);
    expect(await offered()).toContain(created.id);
    await mutate('doctors.update', {
      doctorId: created.id,
      name: 'Dr. Rosalind Franklin',
      specialty: 'Radiology',
      active: false,
    });
    expect(await offered()).not.toContain(created.id);
    expect(
      fieldsOf(
        await mutate('doctors.setServices', {
          doctorId: created.id,
          serviceIds: ['00000000-0000-4000-8000-000000000000'],
        }),
      ),
    ).toEqual(['serviceIds']);
  });

  it('refuses new hours that leave a booking outside them, naming it; accepts hours that keep it', async () => {
    const slot = (await freeSlots(api.runtime)).find((s) => s.doctorIds.includes(okafor))!;
    const { reference } = await book(api.runtime, {
      startsAt: slot.startsAt,
      doctorId: okafor,
      paymentMethod: 'pay_at_clinic',
    });
    const refused = await mutate('doctors.setWeeklyHours', {
      doctorId: okafor,
      hours: [{ weekday: 0, start: '10:00', end: '12:00' }],
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error?.message).toMatch(
      new RegExp(
        `^These bookings fall outside the new hours: ${reference} \\(\\w{3}, \\d+ \\w{3} \\d{4}, \\d\\d:\\d\\d–\\d\\d:\\d\\d\\)\\. Move or cancel them first`,
      ),
    );
    expect((await doctors()).find((d) => d.id === okafor)!.weeklyHours).toHaveLength(10);
    const allWeek = [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({
      weekday,
      start: '07:00',
      end: '20:00',
    }));
    expect(
      dataOf<Doctor>(await mutate('doctors.setWeeklyHours', { doctorId: okafor, hours: allWeek }))
        .weeklyHours,
    ).toHaveLength(7);
  });

  it('refuses overlapping hours in the input', async () => {
    const answer = await mutate('doctors.setWeeklyHours', {
      doctorId: okafor,
      hours: [
        { weekday: 1, start: '09:00', end: '12:00' },
        { weekday: 1, start: '11:00', end: '13:00' },
        { weekday: 2, start: '10:00', end: '09:00' },
      ],
    });
    expect(fieldsOf(answer)).toEqual(['hours.2.end', 'hours.1.start']);
  });

  it('refuses time off over a booking, naming it; adds and removes it elsewhere', async () => {
    const slot = (await freeSlots(api.runtime)).find((s) => s.doctorIds.includes(okafor))!;
    const { reference } = await book(api.runtime, {
      startsAt: slot.startsAt,
      doctorId: okafor,
      paymentMethod: 'pay_at_clinic',
    });
    const start = new Date(slot.startsAt);
    const around = {
      doctorId: okafor,
      startsAt: new Date(start.getTime() - 3600_000).toISOString(),
      endsAt: new Date(start.getTime() + 3600_000).toISOString(),
      reason: 'Conference',
    };
    const refused = await mutate('doctors.addTimeOff', around);
    expect(refused.status).toBe(409);
    expect(refused.body.error?.message).toMatch(/^The doctor has bookings in this time: CP-/);
    expect(refused.body.error?.message).toContain(`${reference} (`);

    const later = {
      ...around,
      startsAt: new Date(start.getTime() + 30 * 86_400_000).toISOString(),
      endsAt: new Date(start.getTime() + 31 * 86_400_000).toISOString(),
    };
    const added = dataOf<Doctor>(await mutate('doctors.addTimeOff', later));
    expect(added.timeOff).toEqual([
      {
        id: expect.any(String),
        startsAt: later.startsAt,
        endsAt: later.endsAt,
        reason: 'Conference',
      },
    ]);
    expect(
      dataOf<Doctor>(await mutate('doctors.removeTimeOff', { timeOffId: added.timeOff[0]!.id }))
        .timeOff,
    ).toEqual([]);
  });
});
