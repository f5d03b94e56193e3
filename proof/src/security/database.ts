// Direct SQL on the run's database, for what no API call can make: an expired session, a session
// whose admin has been removed.
import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';

export async function withDatabase<T>(
  url: string,
  fn: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A session token as the API makes them, and the hash it stores (security/admin-sessions.ts). */
export function newSessionToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: createHash('sha256').update(token).digest('base64url') };
}

export async function insertSession(
  client: pg.Client,
  adminUserId: string,
  hash: string,
  expiresAt: Date,
): Promise<void> {
  await client.query(
    'INSERT INTO admin_sessions (token_hash, admin_user_id, created_at, last_seen_at, expires_at) VALUES ($1, $2, now(), now(), $3)',
    [hash, adminUserId, expiresAt],
  );
}

export async function adminIdByEmail(client: pg.Client, email: string): Promise<string> {
  const { rows } = await client.query<{ id: string }>(
    'SELECT id FROM admin_users WHERE lower(email) = lower($1)',
    [email],
  );
  if (!rows[0]) throw new Error(`No admin ${email} in the database.`);
  return rows[0].id;
}

/** Another admin account with the same password as `like` (its hash copied): a second account to lock. */
export async function cloneAdmin(client: pg.Client, like: string, email: string): Promise<string> {
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO admin_users (email, password_hash, name)
     SELECT $2, password_hash, 'Proof admin' FROM admin_users WHERE lower(email) = lower($1)
     RETURNING id`,
    [like, email],
  );
  if (!rows[0]) throw new Error(`No admin ${like} to copy.`);
  return rows[0].id;
}
