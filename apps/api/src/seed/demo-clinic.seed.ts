import type { Kysely } from '@clinicpay/db';
import type { Database } from '@clinicpay/db';
import { DEMO_KEYS } from '@clinicpay/stripe-emulator';
import type { SecretBox } from '../security/secret-box.js';
import { upsertAdmin } from './admin-users.js';
import { DEMO_ADMIN, DEMO_CLINIC, DEMO_DOCTORS, DEMO_SERVICES } from './demo-clinic.data.js';
import { stripeSecretPurpose } from '../security/secret-purposes.js';

export { DEMO_ADMIN };

/**
 * Adds the demo clinic: doctors with weekly hours, services, an admin, Stripe in Sandbox with the
 * emulator's demo keys (encrypted) and Pay at clinic. Idempotent: rows that exist are left as
 * they are, so settings an admin changed since survive a second seed.
 */
export async function seedDemoClinic(deps: {
  db: Kysely<Database>;
  secretBox: SecretBox;
}): Promise<{ created: boolean; clinicName: string }> {
  const { db, secretBox } = deps;
  const created = await db.transaction().execute(async (trx) => {
    const clinic = await trx
      .insertInto('clinics')
      .values({
        id: DEMO_CLINIC.id,
        name: DEMO_CLINIC.name,
        time_zone: DEMO_CLINIC.timeZone,
        address: DEMO_CLINIC.address,
        currency: DEMO_CLINIC.currency,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .returning('id')
      .executeTakeFirst();

    await trx
      .insertInto('doctors')
      .values(
        DEMO_DOCTORS.map((d) => ({
          id: d.id,
          clinic_id: DEMO_CLINIC.id,
          name: d.name,
          specialty: d.specialty,
        })),
      )
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();

    // Hours are only added with a new clinic: an admin may have edited them since.
    if (clinic) {
      await trx
        .insertInto('doctor_weekly_hours')
        .values(
          DEMO_DOCTORS.flatMap((d) =>
            d.hours.map((h) => ({
              doctor_id: d.id,
              weekday: h.weekday,
              start_minute: h.startMinute,
              end_minute: h.endMinute,
            })),
          ),
        )
        .execute();
    }

    await trx
      .insertInto('services')
      .values(
        DEMO_SERVICES.map((s) => ({
          id: s.id,
          clinic_id: DEMO_CLINIC.id,
          name: s.name,
          duration_minutes: s.durationMinutes,
          price_amount: s.priceAmount,
          price_currency: DEMO_CLINIC.currency,
        })),
      )
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();

    await trx
      .insertInto('doctor_services')
      .values(
        DEMO_SERVICES.flatMap((s) =>
          s.doctorIds.map((doctorId) => ({ doctor_id: doctorId, service_id: s.id })),
        ),
      )
      .onConflict((oc) => oc.columns(['doctor_id', 'service_id']).doNothing())
      .execute();

    await trx
      .insertInto('gateway_settings')
      .values([
        {
          clinic_id: DEMO_CLINIC.id,
          gateway: 'stripe',
          enabled: true,
          mode: 'test',
          currency: DEMO_CLINIC.currency,
          failure_policy: 'cancel',
          test_publishable_key: DEMO_KEYS.publishableKey,
          test_secret_key_encrypted: secretBox.encrypt(
            DEMO_KEYS.secretKey,
            stripeSecretPurpose('test', 'secret_key'),
          ),
          test_webhook_secret_encrypted: secretBox.encrypt(
            DEMO_KEYS.webhookSigningSecret,
            stripeSecretPurpose('test', 'webhook_secret'),
          ),
          updated_by: 'seed',
        },
        { clinic_id: DEMO_CLINIC.id, gateway: 'pay_at_clinic', enabled: true, updated_by: 'seed' },
      ])
      .onConflict((oc) => oc.columns(['clinic_id', 'gateway']).doNothing())
      .execute();

    return clinic !== undefined;
  });

  await upsertAdmin(db, { ...DEMO_ADMIN, onlyIfMissing: true });
  return { created, clinicName: DEMO_CLINIC.name };
}
