import { sql } from '@clinicpay/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateAndSeed } from '../src/seed/migrate-and-seed.js';
import { seedDemoClinic } from '../src/seed/demo-clinic.seed.js';

import { createSecretBox, SecretBoxError } from '../src/security/secret-box.js';
import { stripeSecretPurpose } from '../src/security/secret-purposes.js';
import { verifyPassword } from '../src/security/password.js';
import { upsertAdmin } from '../src/seed/admin-users.js';
import { startTestApi, type TestApi } from '../src/testing.js';
import { DEMO_ADMIN, DEMO_KEYS } from '@clinicpay/demo';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api?.stop();
});

async function rowCounts() {
  const tables = [
    'clinics',
    'doctors',
    'doctor_weekly_hours',
    'services',
    'doctor_services',
    'gateway_settings',
    'admin_users',
  ] as const;
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const row = await api.db
      .selectFrom(table)
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = row.n;
  }
  return counts;
}

describe('demo seed', () => {
  it('seeds a clinic with 3 doctors, 4 services (one free), an admin and both gateways', async () => {
    expect(await rowCounts()).toEqual({
      clinics: 1,
      doctors: 3,
      doctor_weekly_hours: 16,
      services: 4,
      doctor_services: 7,
      gateway_settings: 2,
      admin_users: 1,
    });
    const free = await api.db
      .selectFrom('services')
      .select('name')
      .where('price_amount', '=', 0)
      .execute();
    expect(free.map((s) => s.name)).toEqual(['Follow-up call']);
    const admin = await api.db
      .selectFrom('admin_users')
      .select(['email', 'password_hash'])
      .executeTakeFirstOrThrow();
    expect(admin.email).toBe(DEMO_ADMIN.email);
    expect(await verifyPassword(admin.password_hash, DEMO_ADMIN.password)).toBe(true);
  });

  it('is idempotent: a second and third run add nothing and change nothing', async () => {
    const before = await rowCounts();
    const settingsBefore = await api.db
      .selectFrom('gateway_settings')
      .selectAll()
      .orderBy('gateway')
      .execute();
    const second = await seedDemoClinic(api.runtime);
    await migrateAndSeed(api.runtime);
    expect(second.created).toBe(false);
    expect(await rowCounts()).toEqual(before);
    expect(
      await api.db.selectFrom('gateway_settings').selectAll().orderBy('gateway').execute(),
    ).toEqual(settingsBefore);
  });

  it('stores the Stripe secrets encrypted: not readable in the table, decryptable with APP_SECRET', async () => {
    const stripe = await api.db
      .selectFrom('gateway_settings')
      .selectAll()
      .where('gateway', '=', 'stripe')
      .executeTakeFirstOrThrow();
    expect(stripe).toMatchObject({
      enabled: true,
      mode: 'test',
      currency: 'USD',
      test_publishable_key: DEMO_KEYS.publishableKey,
    });
    const dump = JSON.stringify(await api.db.selectFrom('gateway_settings').selectAll().execute());
    expect(dump).not.toContain(DEMO_KEYS.secretKey);
    expect(dump).not.toContain(DEMO_KEYS.webhookSigningSecret);
    expect(
      api.runtime.secretBox.decrypt(
        stripe.test_secret_key_encrypted!,
        stripeSecretPurpose('test', 'secret_key'),
      ),
    ).toBe(DEMO_KEYS.secretKey);
    expect(
      api.runtime.secretBox.decrypt(
        stripe.test_webhook_secret_encrypted!,
        stripeSecretPurpose('test', 'webhook_secret'),
      ),
    ).toBe(DEMO_KEYS.webhookSigningSecret);
  });

  it('stops with a clear error under a different APP_SECRET and overwrites nothing', async () => {
    const before = await api.db
      .selectFrom('gateway_settings')
      .selectAll()
      .orderBy('gateway')
      .execute();
    const wrongBox = createSecretBox('another-app-secret-of-at-least-32-chars');
    const attempt = migrateAndSeed({ db: api.db, secretBox: wrongBox });
    await expect(attempt).rejects.toBeInstanceOf(SecretBoxError);
    await expect(migrateAndSeed({ db: api.db, secretBox: wrongBox })).rejects.toThrow(
      /different APP_SECRET/,
    );
    expect(
      await api.db.selectFrom('gateway_settings').selectAll().orderBy('gateway').execute(),
    ).toEqual(before);
  });
});

describe('create-admin', () => {
  it('creates an admin, then resets the password and signs out their sessions', async () => {
    const created = await upsertAdmin(api.db, {
      email: 'Owner@Clinic.test',
      password: 'first-password-123',
    });
    expect(created).toMatchObject({ created: true, email: 'Owner@Clinic.test' });
    const user = await api.db
      .selectFrom('admin_users')
      .select(['id', 'role'])
      .where('email', '=', 'Owner@Clinic.test')
      .executeTakeFirstOrThrow();
    expect(user.role).toBe('owner');
    await api.db
      .insertInto('admin_sessions')
      .values({
        token_hash: 'h1',
        admin_user_id: user.id,
        expires_at: new Date(Date.now() + 3600_000),
      })
      .execute();

    const reset = await upsertAdmin(api.db, {
      email: 'owner@clinic.test',
      password: 'second-password-456',
    });
    expect(reset).toMatchObject({ created: false, changed: true });
    const row = await api.db
      .selectFrom('admin_users')
      .select('password_hash')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(await verifyPassword(row.password_hash, 'second-password-456')).toBe(true);
    expect(await verifyPassword(row.password_hash, 'first-password-123')).toBe(false);
    expect(
      await api.db
        .selectFrom('admin_sessions')
        .select('token_hash')
        .where('admin_user_id', '=', user.id)
        .execute(),
    ).toEqual([]);
  });

  it('refuses a short password or a bad email with a sentence, writing nothing', async () => {
    await expect(
      upsertAdmin(api.db, { email: 'x@clinic.test', password: 'short' }),
    ).rejects.toThrow(/at least 12 characters/);
    await expect(
      upsertAdmin(api.db, { email: 'not-an-email', password: 'long-enough-password' }),
    ).rejects.toThrow(/not an email address/);
    expect(
      await api.db
        .selectFrom('admin_users')
        .select('id')
        .where('email', '=', 'x@clinic.test')
        .execute(),
    ).toEqual([]);
  });
});
