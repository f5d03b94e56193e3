// Where to go after signing in: back to the page the admin was on. Only a path inside this app
// is accepted, so a crafted link (`?next=//evil.example`) cannot send anyone elsewhere.

export const SIGN_IN_PATH = '/sign-in';

/** The sign-in address that brings the admin back to `path` (pathname + search) afterwards. */
export function signInPathFor(path: string): string {
  const next = safeNext(path);
  return next === '/' ? SIGN_IN_PATH : `${SIGN_IN_PATH}?next=${encodeURIComponent(next)}`;
}

/** A path to return to, or "/" when the value is missing or could leave this app. */
export function safeNext(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\'))
    return '/';
  if (value === SIGN_IN_PATH || value.startsWith(`${SIGN_IN_PATH}?`)) return '/';
  return value;
}
