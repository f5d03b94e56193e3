import { describe, expect, it } from 'vitest';
import {
  addDays,
  datesBetween,
  fromLocal,
  isValidTimeZone,
  toLocal,
  weekdayOf,
} from './zoned-time.js';

const NY = 'America/New_York';

describe('zoned time', () => {
  it('converts local clinic time to the instant, winter and summer', () => {
    expect(fromLocal('2026-01-15', 9 * 60, NY)?.toISOString()).toBe('2026-01-15T14:00:00.000Z');
    expect(fromLocal('2026-07-15', 9 * 60, NY)?.toISOString()).toBe('2026-07-15T13:00:00.000Z');
    expect(fromLocal('2026-07-15', 9 * 60, 'Asia/Kolkata')?.toISOString()).toBe(
      '2026-07-15T03:30:00.000Z',
    );
  });

  it('keeps 09:00 at 09:00 across the spring-forward change (8 March 2026 in New York)', () => {
    expect(fromLocal('2026-03-07', 540, NY)?.toISOString()).toBe('2026-03-07T14:00:00.000Z');
    expect(fromLocal('2026-03-08', 540, NY)?.toISOString()).toBe('2026-03-08T13:00:00.000Z');
  });

  it('says a skipped wall time does not exist, and resolves a repeated one to its first occurrence', () => {
    expect(fromLocal('2026-03-08', 2 * 60 + 30, NY)).toBeNull();
    // 1 November 2026: 01:30 happens twice; the first is still daylight time (UTC-4).
    expect(fromLocal('2026-11-01', 90, NY)?.toISOString()).toBe('2026-11-01T05:30:00.000Z');
  });

  it('reads an instant back as local date, minute and weekday', () => {
    expect(toLocal(new Date('2026-03-08T13:00:00Z'), NY)).toEqual({
      date: '2026-03-08',
      minuteOfDay: 540,
      weekday: 0,
    });
    expect(toLocal(new Date('2026-01-01T03:00:00Z'), NY)).toEqual({
      date: '2025-12-31',
      minuteOfDay: 22 * 60,
      weekday: 3,
    });
  });

  it('does calendar arithmetic on local dates', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(weekdayOf('2026-11-26')).toBe(4);
    expect(datesBetween('2026-12-30', '2027-01-02')).toEqual([
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
      '2027-01-02',
    ]);
  });

  it('validates zone names', () => {
    expect(isValidTimeZone('Europe/Paris')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
  });
});
