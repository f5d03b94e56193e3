import { addDays, type LocalDate } from '@clinicpay/contracts';

/** The dates of `focused`'s month that can be booked: never before today or after the last day. */
export function bookableMonthRange(focused: LocalDate, today: LocalDate, lastBookable: LocalDate) {
  const monthStart = `${focused.slice(0, 7)}-01`;
  const nextMonth = addDays(monthStart, 32).slice(0, 7);
  const monthEnd = addDays(`${nextMonth}-01`, -1);
  const from = monthStart < today ? today : monthStart;
  const to = monthEnd > lastBookable ? lastBookable : monthEnd;
  return { from, to, nextMonthStart: `${nextMonth}-01` };
}
