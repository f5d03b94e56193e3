// 0 = Sunday … 6 = Saturday, as the API counts; the week is listed from Monday, as clinics plan it.
export const WEEKDAY_NAMES = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
] as const;
export const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0] as const;

export function weekdayShort(weekday: number): string {
  return WEEKDAY_NAMES[weekday]?.slice(0, 3) ?? String(weekday);
}
