import type { CreateBookingRequest } from './trpc.js';

// What this tab remembers about the bookings it made or paid: the status link's token (the return
// URL carries only the session id) and, for the ones it made, the request, so "Book this time
// again" is one click. sessionStorage: it survives Stripe's return redirect, and not the patient
// closing the tab.

export interface RememberedBooking {
  token: string;
  /** Null for a booking this tab opened from its status link rather than made. */
  request: CreateBookingRequest | null;
}

const key = (reference: string) => `clinicpay.booking.${reference.toUpperCase()}`;

export function rememberBooking(reference: string, booking: RememberedBooking): void {
  try {
    sessionStorage.setItem(key(reference), JSON.stringify(booking));
  } catch {
    // Without storage the status link in the URL still works.
  }
}

export function recallBooking(reference: string): RememberedBooking | null {
  try {
    const saved = sessionStorage.getItem(key(reference));
    return saved ? (JSON.parse(saved) as RememberedBooking) : null;
  } catch {
    return null;
  }
}

/** The link that shows this booking later, from any device. */
export function statusLink(
  reference: string,
  token: string,
  origin = window.location.origin,
): string {
  return `${origin}/booking/${encodeURIComponent(reference)}?token=${encodeURIComponent(token)}`;
}
