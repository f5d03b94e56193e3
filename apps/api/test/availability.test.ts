import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../src/clock.js';
import { DEMO_DOCTORS, DEMO_SERVICES } from '../src/seed/demo-clinic.data.js';
import { createTestCaller, startTestApi, type TestApi } from '../src/testing.js';

const clock = createManualClock(new Date('2026-03-01T12:00:00Z'));
const [okafor, meyer] = DEMO_DOCTORS;
const consultation = DEMO_SERVICES.find((s) => s.name === 'General consultation')!;
let api: TestApi;

beforeAll(async () => {
  api = await startTestApi({ clock });
});
afterAll(async () => {
  await api?.stop();
});

describe('catalogue.availability', () => {
  it("offers Dr. Okafor's 09:00 New York time on both sides of the DST change", async () => {
    const caller = createTestCaller(api.runtime);
    const result = await caller.catalogue.availability({
      serviceId: consultation.id,
      doctorId: okafor.id,
      from: '2026-03-06',
      to: '2026-03-09',
    });
    expect(result.timeZone).toBe('America/New_York');
    expect(result.days.map((d) => d.date)).toEqual([
      '2026-03-06',
      '2026-03-07',
      '2026-03-08',
      '2026-03-09',
    ]);
    const friday = result.days[0]!.slots;
    const monday = result.days[3]!.slots;
    expect(friday[0]?.startsAt).toBe('2026-03-06T14:00:00.000Z'); // EST, UTC-5
    expect(monday[0]?.startsAt).toBe('2026-03-09T13:00:00.000Z'); // EDT, UTC-4
    // 09:00–12:30 and 13:30–17:00 in 30-minute slots: 7 + 7.
    expect(friday).toHaveLength(14);
    expect(monday).toHaveLength(14);
    expect(result.days[1]!.slots).toEqual([]); // weekend
    expect(result.days[2]!.slots).toEqual([]);
    expect(friday.at(-1)).toEqual({
      startsAt: '2026-03-06T21:30:00.000Z',
      endsAt: '2026-03-06T22:00:00.000Z',
      doctorIds: [okafor.id],
    });
  });

  it('merges doctors for "any available" and leaves out held and confirmed time, but not lapsed holds', async () => {
    const caller = createTestCaller(api.runtime);
    const monday = { serviceId: consultation.id, from: '2026-03-09', to: '2026-03-09' } as const;
    const before = await caller.catalogue.availability({ ...monday, doctorId: 'any' });
    const tenAm = before.days[0]!.slots.find((s) => s.startsAt === '2026-03-09T15:00:00.000Z');
    expect(tenAm?.doctorIds.sort()).toEqual([okafor.id, meyer.id].sort());

    const patient = await api.db
      .insertInto('patients')
      .values({ name: 'Test Patient', email: 't@example.com', phone: '+1 555 0100' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const appointment = (
      startsAt: string,
      doctorId: string,
      holdExpiresAt: string,
      reference: string,
    ) => ({
      reference,
      doctor_id: doctorId,
      service_id: consultation.id,
      patient_id: patient.id,
      starts_at: startsAt,
      ends_at: new Date(Date.parse(startsAt) + 30 * 60_000).toISOString(),
      status: 'pending_payment' as const,
      hold_expires_at: holdExpiresAt,
      payment_method: 'stripe' as const,
      access_token_hash: reference,
    });
    await api.db
      .insertInto('appointments')
      .values([
        appointment('2026-03-09T15:00:00.000Z', okafor.id, '2026-03-01T12:30:00Z', 'T-HELD-1'), // held until after now
        appointment('2026-03-09T15:30:00.000Z', okafor.id, '2026-03-01T11:00:00Z', 'T-LAPSED-1'), // lapsed
      ])
      .execute();

    const after = await caller.catalogue.availability({ ...monday, doctorId: okafor.id });
    const starts = after.days[0]!.slots.map((s) => s.startsAt);
    expect(starts).not.toContain('2026-03-09T15:00:00.000Z');
    expect(starts).toContain('2026-03-09T15:30:00.000Z');
    const anyAfter = await caller.catalogue.availability({ ...monday, doctorId: 'any' });
    expect(
      anyAfter.days[0]!.slots.find((s) => s.startsAt === '2026-03-09T15:00:00.000Z')?.doctorIds,
    ).toEqual([meyer.id]);
  });

  it('does not offer times before the lead time or beyond the horizon', async () => {
    clock.set(new Date('2026-03-09T14:10:00Z')); // Monday 10:10 in New York
    const caller = createTestCaller(api.runtime);
    const today = await caller.catalogue.availability({
      serviceId: consultation.id,
      doctorId: meyer.id,
      from: '2026-03-09',
      to: '2026-03-09',
    });
    // Dr. Meyer works 10:00–18:00 on Mondays; with an hour's lead the first is 11:30 (15:30Z).
    expect(today.days[0]!.slots[0]?.startsAt).toBe('2026-03-09T15:30:00.000Z');
    const far = await caller.catalogue.availability({
      serviceId: consultation.id,
      from: '2026-05-20',
      to: '2026-05-25',
    });
    expect(far.days.every((d) => d.slots.length === 0)).toBe(true);
    clock.set(new Date('2026-03-01T12:00:00Z'));
  });

  it('answers an unknown service or a doctor who does not offer it with a sentence and a code', async () => {
    const caller = createTestCaller(api.runtime);
    const unknown = caller.catalogue.availability({
      serviceId: '00000000-0000-4000-8000-000000000000',
      from: '2026-03-09',
      to: '2026-03-09',
    });
    await expect(unknown).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringMatching(/not offered/),
    });
    const skinCheck = DEMO_SERVICES.find((s) => s.name === 'Skin check')!;
    const wrongDoctor = caller.catalogue.availability({
      serviceId: skinCheck.id,
      doctorId: okafor.id,
      from: '2026-03-09',
      to: '2026-03-09',
    });
    await expect(wrongDoctor).rejects.toBeInstanceOf(TRPCError);
    await expect(wrongDoctor).rejects.toMatchObject({
      code: 'NOT_FOUND',
      cause: { code: 'doctor_not_found' },
    });
  });
});
