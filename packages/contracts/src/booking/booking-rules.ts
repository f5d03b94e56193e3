// How far ahead patients may book, shared by the API (which enforces it) and the booking SPA
// (which shows only what can be booked).

/** A slot must start at least this long from now, so the clinic is not surprised. */
export const MIN_LEAD_MINUTES = 60;
/** Patients may book up to this many days ahead. */
export const MAX_ADVANCE_DAYS = 60;
/** Availability is asked for at most this many days at a time. */
export const MAX_AVAILABILITY_RANGE_DAYS = 42;
