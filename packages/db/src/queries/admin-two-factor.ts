import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** An admin's two-factor state: the sealed secrets and how many recovery codes are left. */
export async function findTwoFactorState(db: Kysely<Database>, adminUserId: string) {
  return db
    .selectFrom('admin_users')
    .select([
      'totp_secret_encrypted',
      'totp_pending_encrypted',
      'totp_enabled_at',
      (eb) =>
        eb
          .selectFrom('admin_recovery_codes')
          .select(sql<number>`count(*)::int`.as('n'))
          .whereRef('admin_recovery_codes.admin_user_id', '=', 'admin_users.id')
          .where('admin_recovery_codes.used_at', 'is', null)
          .as('recovery_codes_left'),
    ])
    .where('id', '=', adminUserId)
    .executeTakeFirst();
}

/** Starts (or restarts) an enrolment: the sealed secret waits for its first good code. */
export async function setPendingTotpSecret(
  db: Kysely<Database>,
  adminUserId: string,
  sealed: string,
): Promise<void> {
  await db
    .updateTable('admin_users')
    .set({ totp_pending_encrypted: sealed })
    .where('id', '=', adminUserId)
    .execute();
}

/**
 * Turns two-factor sign-in on with the pending secret that the first code matched, and stores the
 * recovery codes' hashes in the same transaction. False when the pending secret changed meanwhile
 * (an enrolment restarted in another tab): nothing is written.
 */
export async function enableTotp(
  db: Kysely<Database>,
  enrolment: {
    adminUserId: string;
    sealedSecret: string;
    step: number;
    recoveryCodeHashes: string[];
    now: Date;
  },
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('admin_users')
      .set({
        totp_secret_encrypted: enrolment.sealedSecret,
        totp_pending_encrypted: null,
        totp_enabled_at: enrolment.now,
        totp_last_step: enrolment.step,
      })
      .where('id', '=', enrolment.adminUserId)
      .where('totp_pending_encrypted', '=', enrolment.sealedSecret)
      .executeTakeFirst();
    if (updated.numUpdatedRows === 0n) return false;
    await writeRecoveryCodes(trx, enrolment.adminUserId, enrolment.recoveryCodeHashes);
    return true;
  });
}

/** A fresh set of recovery codes; the old ones stop working. */
export async function replaceRecoveryCodes(
  db: Kysely<Database>,
  adminUserId: string,
  codeHashes: string[],
): Promise<void> {
  await db.transaction().execute((trx) => writeRecoveryCodes(trx, adminUserId, codeHashes));
}

async function writeRecoveryCodes(
  trx: Kysely<Database>,
  adminUserId: string,
  codeHashes: string[],
): Promise<void> {
  await trx.deleteFrom('admin_recovery_codes').where('admin_user_id', '=', adminUserId).execute();
  await trx
    .insertInto('admin_recovery_codes')
    .values(codeHashes.map((code_hash) => ({ admin_user_id: adminUserId, code_hash })))
    .execute();
}

/**
 * Accepts a TOTP code's time step once: true only when it is later than the last accepted one,
 * decided by one compare-and-set, so two requests with the same code cannot both pass.
 */
export async function acceptTotpStep(
  db: Kysely<Database>,
  adminUserId: string,
  step: number,
): Promise<boolean> {
  const updated = await db
    .updateTable('admin_users')
    .set({ totp_last_step: step })
    .where('id', '=', adminUserId)
    .where('totp_secret_encrypted', 'is not', null)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return updated.numUpdatedRows > 0n;
}

/** Uses a recovery code: true once per code, by one statement. */
export async function useRecoveryCode(
  db: Kysely<Database>,
  adminUserId: string,
  codeHash: string,
  now: Date,
): Promise<boolean> {
  const updated = await db
    .updateTable('admin_recovery_codes')
    .set({ used_at: now })
    .where('admin_user_id', '=', adminUserId)
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return updated.numUpdatedRows > 0n;
}

/** Turns two-factor sign-in off: the secret and every recovery code are forgotten. */
export async function disableTotp(db: Kysely<Database>, adminUserId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('admin_users')
      .set({
        totp_secret_encrypted: null,
        totp_pending_encrypted: null,
        totp_enabled_at: null,
        totp_last_step: null,
      })
      .where('id', '=', adminUserId)
      .execute();
    await trx.deleteFrom('admin_recovery_codes').where('admin_user_id', '=', adminUserId).execute();
  });
}

/** The password or a code was just typed in this session: risky actions are allowed for a while. */
export async function confirmAdminSession(
  db: Kysely<Database>,
  tokenHash: string,
  now: Date,
): Promise<void> {
  await db
    .updateTable('admin_sessions')
    .set({ confirmed_at: now })
    .where('token_hash', '=', tokenHash)
    .execute();
}

/** Whether every admin must sign in with a code too. */
export async function findTwoFactorRequired(db: Kysely<Database>): Promise<boolean> {
  const row = await db
    .selectFrom('clinics')
    .select(sql<boolean>`coalesce(bool_or(admin_two_factor_required), false)`.as('required'))
    .executeTakeFirst();
  return row?.required ?? false;
}

export async function setTwoFactorRequired(db: Kysely<Database>, required: boolean): Promise<void> {
  await db.updateTable('clinics').set({ admin_two_factor_required: required }).execute();
}

/** Every sealed TOTP secret, so the API can check at start that APP_SECRET opens them. */
export async function findEncryptedTotpSecrets(db: Kysely<Database>) {
  return db
    .selectFrom('admin_users')
    .select(['id', 'totp_secret_encrypted', 'totp_pending_encrypted'])
    .where((eb) =>
      eb.or([
        eb('totp_secret_encrypted', 'is not', null),
        eb('totp_pending_encrypted', 'is not', null),
      ]),
    )
    .execute();
}
