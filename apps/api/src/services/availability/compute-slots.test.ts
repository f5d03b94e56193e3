import { describe, expect, it } from 'vitest';
import { computeSlots, type SlotInput } from './compute-slots.js';

const NY = 'America/New_York';
const base: SlotInput = {
  timeZone: NY,
  from: '2026-03-06',
  to: '2026-03-09',
  durationMinutes: 60,
  // Friday, Sunday and Monday 09:00–12:00 local.
  weeklyHours: [5, 0, 1].map((weekday) => ({ weekday, startMinute: 540, endMinute: 720 })),
  busy: [],
  notBefore: new Date('2026-01-01T00:00:00Z'),
  notAfter: new Date('2027-01-01T00:00:00Z'),
};

const iso = (slots: { startsAt: Date }[]) => slots.map((s) => s.startsAt.toISOString());

describe('computeSlots', () => {
  it('offers 09:00, 10:00, 11:00 local on each working day, across the spring-forward change', () => {
    expect(iso(computeSlots(base))).toEqual([
      // Friday 6 March: EST (UTC-5)
      '2026-03-06T14:00:00.000Z',
      '2026-03-06T15:00:00.000Z',
      '2026-03-06T16:00:00.000Z',
      // Sunday 8 March: clocks went forward at 02:00, now EDT (UTC-4)
      '2026-03-08T13:00:00.000Z',
      '2026-03-08T14:00:00.000Z',
      '2026-03-08T15:00:00.000Z',
      '2026-03-09T13:00:00.000Z',
      '2026-03-09T14:00:00.000Z',
      '2026-03-09T15:00:00.000Z',
    ]);
  });

  it('skips a wall time that does not exist and a slot that no longer fits on the short night', () => {
    const night = computeSlots({
      ...base,
      from: '2026-03-08',
      to: '2026-03-08',
      weeklyHours: [{ weekday: 0, startMinute: 60, endMinute: 240 }],
    });
    // 01:00 exists (EST); 02:00 does not; 03:00 exists (EDT), one real hour after 01:00.
    expect(iso(night)).toEqual(['2026-03-08T06:00:00.000Z', '2026-03-08T07:00:00.000Z']);
  });

  it('leaves out busy time, past and too-far slots', () => {
    const slots = computeSlots({
      ...base,
      from: '2026-03-06',
      to: '2026-03-06',
      busy: [
        { startsAt: new Date('2026-03-06T15:30:00Z'), endsAt: new Date('2026-03-06T15:45:00Z') },
      ],
      notBefore: new Date('2026-03-06T14:30:00Z'),
    });
    expect(iso(slots)).toEqual(['2026-03-06T16:00:00.000Z']);
    expect(computeSlots({ ...base, notAfter: new Date('2026-03-06T15:00:00Z') })).toHaveLength(1);
  });

  it('lets back-to-back appointments touch without overlapping', () => {
    const slots = computeSlots({
      ...base,
      from: '2026-03-06',
      to: '2026-03-06',
      busy: [
        { startsAt: new Date('2026-03-06T15:00:00Z'), endsAt: new Date('2026-03-06T16:00:00Z') },
      ],
    });
    expect(iso(slots)).toEqual(['2026-03-06T14:00:00.000Z', '2026-03-06T16:00:00.000Z']);
  });

  it('treats overlapping busy intervals (time off with appointments inside) as one', () => {
    const slots = computeSlots({
      ...base,
      from: '2026-03-06',
      to: '2026-03-06',
      durationMinutes: 30,
      busy: [
        { startsAt: new Date('2026-03-06T14:00:00Z'), endsAt: new Date('2026-03-06T15:30:00Z') }, // time off 09:00–10:30
        { startsAt: new Date('2026-03-06T14:30:00Z'), endsAt: new Date('2026-03-06T15:00:00Z') }, // inside it
        { startsAt: new Date('2026-03-06T16:00:00Z'), endsAt: new Date('2026-03-06T16:30:00Z') }, // 11:00
      ],
    });
    expect(iso(slots)).toEqual(['2026-03-06T15:30:00.000Z', '2026-03-06T16:30:00.000Z']);
  });
});
