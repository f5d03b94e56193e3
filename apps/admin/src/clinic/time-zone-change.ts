/** What a move to another time zone does to the bookings ahead, as the API counted it. */
export interface TimeZoneChange {
  from: string;
  to: string;
  futureBookings: number;
  showAnotherLocalTime: number;
  outsideWorkingHours: number;
}

const bookings = (n: number) => (n === 1 ? '1 upcoming booking' : `${n} upcoming bookings`);

/** The confirmation's sentence: what keeps its time, what reads differently, what falls outside hours. */
export function timeZoneChangeSentence(change: TimeZoneChange): string {
  const to = change.to.replaceAll('_', ' ');
  const shown =
    change.showAnotherLocalTime === 0
      ? `${bookings(change.futureBookings)} keep their time and show the same local time in ${to}.`
      : `${bookings(change.showAnotherLocalTime)} of ${change.futureBookings} keep their time but show another local time in ${to}.`;
  const outside =
    change.outsideWorkingHours === 0
      ? "All of them stay within the doctors' working hours, which are kept as local times."
      : `${bookings(change.outsideWorkingHours)} fall outside the doctors' working hours there (working hours are kept as local times); review them after the change.`;
  return `${shown} ${outside}`;
}
