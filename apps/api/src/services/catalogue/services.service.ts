import {
  chargeProblem,
  formatMoney,
  type CreateServiceInput,
  type UpdateServiceInput,
} from '@clinicpay/contracts';
import {
  findGatewaySettingsRows,
  insertService,
  listDoctorsForAdmin,
  listServicesForAdmin,
  setServiceDeleted,
  updateService,
} from '@clinicpay/db';
import { AppError, type FieldError } from '../../errors/app-error.js';
import type { AdminDeps, AppDeps } from '../../deps.js';
import { audit } from '../audit/record-audit.js';
import { requireClinic } from '../clinic/require-clinic.js';

export async function listServices(ctx: AppDeps) {
  const clinic = await requireClinic(ctx.db);
  const services = await listServicesForAdmin(ctx.db, clinic.id);
  return services.map((s) => ({
    id: s.id,
    name: s.name,
    durationMinutes: s.duration_minutes,
    price: { amount: s.price_amount, currency: s.price_currency },
    doctorIds: s.doctor_ids,
    deleted: s.deleted_at !== null,
    deletedAt: s.deleted_at?.toISOString() ?? null,
  }));
}

/**
 * A price Stripe can charge: at or above its minimum, under its maximum, in its steps; and while
 * Stripe is on, in the currency Stripe charges in (gateways/currency-rule.ts, from the other side).
 */
async function priceProblems(
  ctx: AppDeps,
  clinicId: string,
  price: { amount: number; currency: string },
): Promise<FieldError[]> {
  if (price.amount === 0) return [];
  const problems: FieldError[] = [];
  const problem = chargeProblem(price);
  const money = (amount: number) => formatMoney({ amount, currency: price.currency });
  if (problem?.reason === 'below_minimum')
    problems.push({
      path: 'price.amount',
      message: `Stripe's smallest charge in ${price.currency} is ${money(problem.limit)}: charge at least that, or 0 for a free service.`,
    });
  if (problem?.reason === 'above_maximum')
    problems.push({
      path: 'price.amount',
      message: `Stripe charges at most ${money(problem.limit)} in ${price.currency}.`,
    });
  if (problem?.reason === 'not_a_multiple_of_step')
    problems.push({
      path: 'price.amount',
      message: `Prices in ${price.currency} go in steps of ${problem.step} of its smallest unit.`,
    });
  const stripe = (await findGatewaySettingsRows(ctx.db, clinicId)).find(
    (r) => r.gateway === 'stripe',
  );
  if (stripe?.enabled && stripe.currency && stripe.currency !== price.currency) {
    problems.push({
      path: 'price.currency',
      message: `Stripe charges in ${stripe.currency}: price the service in ${stripe.currency}, or turn Stripe off while you reprice every service in ${price.currency}.`,
    });
  }
  return problems;
}

function invalid(problems: FieldError[]): AppError {
  return new AppError('invalid_input', problems.map((p) => p.message).join(' '), {
    fieldErrors: problems,
  });
}

export async function createService(ctx: AdminDeps, input: CreateServiceInput) {
  const clinic = await requireClinic(ctx.db);
  const problems = await priceProblems(ctx, clinic.id, input.price);
  const doctors = new Set(
    (await listDoctorsForAdmin(ctx.db, clinic.id, ctx.clock.now())).map((d) => d.id),
  );
  if (input.doctorIds.some((id) => !doctors.has(id)))
    problems.push({ path: 'doctorIds', message: 'Choose doctors from the list.' });
  if (problems.length > 0) throw invalid(problems);
  const id = await insertService(ctx.db, clinic.id, fieldsOf(ctx, input), [
    ...new Set(input.doctorIds),
  ]);
  await audit(ctx, ctx.admin, 'service.created', `service:${id}`, {
    name: input.name,
    durationMinutes: input.durationMinutes,
    price: input.price,
  });
  return (await listServices(ctx)).find((s) => s.id === id)!;
}

export async function editService(ctx: AdminDeps, input: UpdateServiceInput) {
  const clinic = await requireClinic(ctx.db);
  const problems = await priceProblems(ctx, clinic.id, input.price);
  if (problems.length > 0) throw invalid(problems);
  if (!(await updateService(ctx.db, clinic.id, input.serviceId, fieldsOf(ctx, input))))
    throw notFound();
  await audit(ctx, ctx.admin, 'service.updated', `service:${input.serviceId}`, {
    name: input.name,
    durationMinutes: input.durationMinutes,
    price: input.price,
  });
  return (await listServices(ctx)).find((s) => s.id === input.serviceId)!;
}

/** Soft delete: patients can no longer book it; bookings already made keep it. */
export async function deleteService(ctx: AdminDeps, serviceId: string, deleted: boolean) {
  const clinic = await requireClinic(ctx.db);
  const now = ctx.clock.now();
  if (!(await setServiceDeleted(ctx.db, clinic.id, serviceId, deleted ? now : null, now)))
    throw notFound();
  await audit(
    ctx,
    ctx.admin,
    deleted ? 'service.deleted' : 'service.restored',
    `service:${serviceId}`,
  );
  return (await listServices(ctx)).find((s) => s.id === serviceId)!;
}

function fieldsOf(
  ctx: AppDeps,
  input: { name: string; durationMinutes: number; price: { amount: number; currency: string } },
) {
  return {
    name: input.name,
    durationMinutes: input.durationMinutes,
    priceAmount: input.price.amount,
    priceCurrency: input.price.currency,
    at: ctx.clock.now(),
  };
}

const notFound = () => new AppError('service_not_found', 'This service does not exist.');
