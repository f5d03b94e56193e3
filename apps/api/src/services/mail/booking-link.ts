import type { SecretBox } from '../../security/secret-box.js';

// The patient's booking page needs the link's secret, which the database keeps only as a hash
// (and, for messages, encrypted with APP_SECRET under this purpose).
const PURPOSE = 'appointments.access_token';

export function sealAccessToken(secretBox: SecretBox, token: string): string {
  return secretBox.encrypt(token, PURPOSE);
}

/** The booking page a message links to; without a readable secret, the page without it. */
export function bookingLink(
  publicUrl: string,
  secretBox: SecretBox,
  booking: { reference: string; access_token_sealed: string | null },
): string {
  const page = `${publicUrl}/booking/${encodeURIComponent(booking.reference)}`;
  if (!booking.access_token_sealed) return page;
  try {
    const token = secretBox.decrypt(booking.access_token_sealed, PURPOSE);
    return `${page}?token=${encodeURIComponent(token)}`;
  } catch {
    // Sealed under another APP_SECRET: the page still opens, and asks for nothing it cannot check.
    return page;
  }
}
