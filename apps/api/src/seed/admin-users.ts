import type { AdminRole } from '@clinicpay/contracts';
import {
  findAdminUserByEmail,
  insertAdminUser,
  resetAdminPassword,
  type Database,
  type Kysely,
} from '@clinicpay/db';
import { hashPassword, MIN_PASSWORD_LENGTH } from '../security/password.js';
import { OperatorError } from '../user-error.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Creates an admin, or resets the password of the one with that email (case-insensitive).
 * `onlyIfMissing` leaves an existing admin untouched (the demo seed's way to be idempotent).
 */
export async function upsertAdmin(
  db: Kysely<Database>,
  input: {
    email: string;
    password: string;
    name?: string | undefined;
    onlyIfMissing?: boolean;
    /** For a new admin; Owner by default (`cli create-admin` makes the one who adds the others). */
    role?: AdminRole;
  },
): Promise<{ created: boolean; changed: boolean; email: string }> {
  const email = input.email.trim();
  if (!EMAIL.test(email))
    throw new OperatorError(
      `"${email}" is not an email address: give the address the admin signs in with.`,
    );
  if (input.password.length < MIN_PASSWORD_LENGTH) {
    throw new OperatorError(
      `The password is too short: use at least ${MIN_PASSWORD_LENGTH} characters.`,
    );
  }
  const existing = await findAdminUserByEmail(db, email);
  if (existing && input.onlyIfMissing)
    return { created: false, changed: false, email: existing.email };

  const passwordHash = await hashPassword(input.password);
  if (existing) {
    // A reset password signs out every session that knew the old one.
    await resetAdminPassword(db, existing.id, passwordHash);
    return { created: false, changed: true, email: existing.email };
  }
  const created = await insertAdminUser(db, {
    email,
    name: input.name?.trim() || email.split('@')[0]!,
    passwordHash,
    role: input.role ?? 'owner',
  });
  return { created, changed: created, email };
}
