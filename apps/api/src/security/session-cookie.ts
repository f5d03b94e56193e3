import type { SecurityConfig } from './security-config.js';

/**
 * The admin session cookie. HttpOnly (scripts never read it), SameSite=Strict (no other site's
 * page can make the browser send it), and under https `Secure` with the `__Host-` prefix, which
 * the browser only accepts from a secure origin, for Path=/ and without Domain, so a sibling
 * subdomain cannot plant or overwrite it.
 */
export function sessionCookieName(security: Pick<SecurityConfig, 'https'>): string {
  return security.https ? '__Host-clinicpay_admin' : 'clinicpay_admin';
}

export function sessionCookie(
  security: Pick<SecurityConfig, 'https'>,
  token: string,
  maxAgeSeconds: number,
): string {
  const attributes = [
    'Path=/',
    'HttpOnly',
    'SameSite=Strict',
    `Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}`,
  ];
  if (security.https) attributes.push('Secure');
  return [`${sessionCookieName(security)}=${token}`, ...attributes].join('; ');
}

/** Tells the browser to forget the cookie (sign-out, or a session found expired). */
export function clearedSessionCookie(security: Pick<SecurityConfig, 'https'>): string {
  return sessionCookie(security, '', 0);
}

/** One cookie's value from a Cookie header, or undefined. Values are our base64url tokens. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
