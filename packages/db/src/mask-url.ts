/**
 * A database URL fit for messages and logs: the password (in the userinfo or a `password`
 * parameter) replaced by `***`, e.g. postgres://user:***@host:5432/db.
 */
export function maskDatabaseUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // Not a URL (a libpq key=value string, or garbage): mask anything that looks like a password.
    return url
      .replace(/(password\s*=\s*)('[^']*'|\S+)/gi, '$1***')
      .replace(/:\/\/([^:/@]*):[^@]*@/, '://$1:***@');
  }
  const auth = parsed.username
    ? `${parsed.username}${parsed.password ? ':***' : ''}@`
    : parsed.password
      ? ':***@'
      : '';
  const params = new URLSearchParams(parsed.search);
  for (const key of [...params.keys()])
    if (key.toLowerCase() === 'password') params.set(key, '***');
  const search = params.size > 0 ? `?${params.toString().replace(/%2A%2A%2A/g, '***')}` : '';
  return `${parsed.protocol}//${auth}${parsed.host}${parsed.pathname}${search}`;
}
