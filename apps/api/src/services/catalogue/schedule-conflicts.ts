interface Booking {
  reference: string;
  starts_at: Date;
  ends_at: Date;
}

/** "CP-7K2M9QXD (Mon 14 Dec 2026, 10:00–10:30)", in the clinic's time zone. */
export function describeBookings(bookings: Booking[], timeZone: string): string {
  const day = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const shown = bookings
    .slice(0, 10)
    .map(
      (b) =>
        `${b.reference} (${day.format(b.starts_at)}, ${time.format(b.starts_at)}–${time.format(b.ends_at)})`,
    );
  const more = bookings.length > 10 ? ` and ${bookings.length - 10} more` : '';
  return `${shown.join(', ')}${more}`;
}
