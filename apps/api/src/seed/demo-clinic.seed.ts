import {
  insertClinicIfMissing,
  insertDoctorsIfMissing,
  insertGatewaySettingsIfMissing,
  insertServicesIfMissing,
  insertWeeklyHours,
  linkDoctorsToServices,
  type Database,
  type Kysely,
} from '@clinicpay/db';
import { DEMO_CREDENTIALS, type SeedCredentials } from '@clinicpay/demo';
import type { SecretBox } from '../security/secret-box.js';
import { upsertAdmin } from './admin-users.js';
import { DEMO_CLINIC, DEMO_DOCTORS, DEMO_SERVICES } from './demo-clinic.data.js';
import { stripeSecretPurpose } from '../security/secret-purposes.js';

/**
 * Adds the demo clinic: doctors with weekly hours, services, an admin, Stripe in Sandbox with the
 * emulator's demo keys (encrypted) and Pay at clinic. Idempotent: rows that exist are left as
 * they are, so settings an admin changed since survive a second seed.
 */
export async function seedDemoClinic(
  deps: { db: Kysely<Database>; secretBox: SecretBox },
  credentials: SeedCredentials = DEMO_CREDENTIALS,
): Promise<{ created: boolean; clinicName: string }> {
  const { db, secretBox } = deps;
  const keys = credentials.stripe;
  const created = await db.transaction().execute(async (trx) => {
    const clinicId = DEMO_CLINIC.id;
    const clinicAdded = await insertClinicIfMissing(trx, DEMO_CLINIC);
    await insertDoctorsIfMissing(
      trx,
      DEMO_DOCTORS.map((d) => ({ id: d.id, clinicId, name: d.name, specialty: d.specialty })),
    );
    // Hours are only added with a new clinic: an admin may have edited them since.
    if (clinicAdded) {
      await insertWeeklyHours(
        trx,
        DEMO_DOCTORS.flatMap((d) => d.hours.map((h) => ({ doctorId: d.id, ...h }))),
      );
    }
    await insertServicesIfMissing(
      trx,
      DEMO_SERVICES.map((s) => ({
        id: s.id,
        clinicId,
        name: s.name,
        durationMinutes: s.durationMinutes,
        priceAmount: s.priceAmount,
        priceCurrency: DEMO_CLINIC.currency,
      })),
    );
    await linkDoctorsToServices(
      trx,
      DEMO_SERVICES.flatMap((s) => s.doctorIds.map((doctorId) => ({ doctorId, serviceId: s.id }))),
    );
    await insertGatewaySettingsIfMissing(trx, [
      {
        clinic_id: clinicId,
        gateway: 'stripe',
        enabled: true,
        mode: 'test',
        currency: DEMO_CLINIC.currency,
        failure_policy: 'cancel',
        test_publishable_key: keys.publishableKey,
        test_secret_key_encrypted: secretBox.encrypt(
          keys.secretKey,
          stripeSecretPurpose('test', 'secret_key'),
        ),
        test_webhook_secret_encrypted: secretBox.encrypt(
          keys.webhookSigningSecret,
          stripeSecretPurpose('test', 'webhook_secret'),
        ),
        updated_by: 'seed',
      },
      { clinic_id: clinicId, gateway: 'pay_at_clinic', enabled: true, updated_by: 'seed' },
    ]);
    return clinicAdded;
  });

  await upsertAdmin(db, { ...credentials.admin, onlyIfMissing: true });
  return { created, clinicName: DEMO_CLINIC.name };
}
