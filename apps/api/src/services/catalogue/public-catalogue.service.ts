import { cancellationSentence, DEFAULT_CANCELLATION_POLICY } from '@clinicpay/contracts';
import {
  findBookingReadiness,
  findClinicPolicy,
  findDoctorsForService,
  isPayAtClinicEnabled,
  listBookableServices,
} from '@clinicpay/db';
import type { AppDeps } from '../../deps.js';
import { requireClinicForPatients } from '../clinic/require-clinic.js';
import { readPolicy } from '../policies/policy-snapshot.js';
import { activeStripeKeys, cardOffered, loadStripeSettings } from '../gateways/stripe-settings.js';

// What anyone may read: the clinic, what it offers, and how patients can pay. The first three are
// answered from the catalogue cache (catalogue-cache.ts) until an admin changes what they show.

/**
 * The clinic, how to reach it, and whether it takes online bookings yet: a service offered by a
 * doctor with working hours, and a way to pay switched on.
 */
export async function readClinic(deps: AppDeps) {
  const clinic = await requireClinicForPatients(deps.db);
  const readiness = await findBookingReadiness(deps.db, clinic.id);
  return {
    id: clinic.id,
    name: clinic.name,
    timeZone: clinic.time_zone,
    currency: clinic.currency,
    address: clinic.address,
    contactEmail: clinic.contact_email,
    contactPhone: clinic.contact_phone,
    takingBookings: readiness.hasBookableService && readiness.hasWayToPay,
  };
}

export async function listServicesForPatients(deps: AppDeps) {
  const clinic = await requireClinicForPatients(deps.db);
  const [services, clinicPolicy] = await Promise.all([
    listBookableServices(deps.db, clinic.id),
    findClinicPolicy(deps.db, clinic.id),
  ]);
  const fallback = readPolicy(clinicPolicy?.cancellation_policy) ?? DEFAULT_CANCELLATION_POLICY;
  return services.map((service) => ({
    id: service.id,
    name: service.name,
    durationMinutes: service.duration_minutes,
    price: { amount: service.price_amount, currency: service.price_currency },
    // Shown on the payment step: what the booking will keep if made now.
    cancellationPolicy: cancellationSentence(
      readPolicy(service.cancellation_policy) ?? fallback,
      clinic.currency,
    ),
  }));
}

/** Doctors who offer a service. */
export async function listDoctorsForPatients(deps: AppDeps, serviceId: string) {
  const doctors = await findDoctorsForService(deps.db, serviceId);
  return doctors.map((d) => ({ id: d.id, name: d.name, specialty: d.specialty }));
}

/**
 * How patients can pay: card through Stripe when it is on and has keys for its mode, with the
 * publishable key and where Stripe.js comes from (configuration, never guessed from keys). Not
 * while Stripe refuses the saved key (`cardUnavailable`: the page says so, and offers Pay at
 * clinic when the clinic takes it).
 */
export async function readPaymentMethods(deps: AppDeps) {
  const clinic = await requireClinicForPatients(deps.db);
  const [settings, payAtClinic] = await Promise.all([
    loadStripeSettings(deps, clinic.id),
    isPayAtClinicEnabled(deps.db, clinic.id),
  ]);
  const keys = cardOffered(settings) ? activeStripeKeys(settings) : null;
  return {
    stripe: keys
      ? {
          publishableKey: keys.publishableKey,
          stripeJsUrl: deps.config.stripeJsUrl ?? null,
          currency: settings!.currency,
          mode: settings!.mode,
        }
      : null,
    payAtClinic,
    cardUnavailable: !keys && activeStripeKeys(settings) !== null,
  };
}

/** The public catalogue reads the cache keeps, by procedure; each answer ready to send. */
export const cachedCatalogueReads = {
  'catalogue.clinic': (deps: AppDeps) =>
    deps.catalogueCache.answer('clinic', () => readClinic(deps)),
  'catalogue.services': (deps: AppDeps) =>
    deps.catalogueCache.answer('services', () => listServicesForPatients(deps)),
  'catalogue.doctors': (deps: AppDeps, serviceId: string) =>
    deps.catalogueCache.answer(`doctors:${serviceId}`, () =>
      listDoctorsForPatients(deps, serviceId),
    ),
};
