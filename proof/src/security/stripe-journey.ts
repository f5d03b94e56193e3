// What puts this run's secrets to work and Stripe traffic in the logs: Stripe settings saved with
// fresh keys (Live, then Sandbox, each checked with the emulator), a card booking paid through
// the emulator (webhooks signed with the fresh secret), a partial refund, and every admin read.
import { randomUUID } from 'node:crypto';
import type { RunningEmulator } from '@clinicpay/stripe-emulator';
import type { StripeKeySet } from './fresh-secrets.js';
import { dataOf, envelope, type AnswerLog } from './http-client.js';
import type { Procedure } from './admin-procedures.js';
import { call, trpcMutation, trpcQuery } from './trpc-calls.js';

interface Settings {
  currency: string;
  failurePolicy: string;
  mode: string;
  keys: Record<'test' | 'live', { secretKey: string | null }>;
}

export interface JourneyResult {
  saves: Array<{ mode: string; status: number }>;
  /** What stripeSettings.get shows after the saves (masked keys). */
  settings: Settings;
  booking: { reference: string; token: string };
  paymentStatus: string;
  refundStatus: number;
  adminReads: { called: number; answered: number };
  webhookEvents: number;
}

interface TransactionRow {
  id: string;
  status: string;
  checkoutSessionId: string | null;
  appointment: { id: string; reference: string };
}

export async function runStripeJourney(options: {
  log: AnswerLog;
  url: string;
  cookie: string;
  stripe: RunningEmulator;
  keys: { test: StripeKeySet; live: StripeKeySet };
  webhookUrls: string[];
  procedures: Procedure[];
}): Promise<JourneyResult> {
  const { log, url, cookie, stripe, keys } = options;
  const admin = { cookie };
  const before = dataOf<Settings>(
    await trpcQuery(log, url, 'admin.stripeSettings.get', undefined, admin),
  );
  const saves: JourneyResult['saves'] = [];
  // Live first, then back to Sandbox with its own new keys: both sets stored, Sandbox in use.
  for (const mode of ['live', 'test'] as const) {
    const answer = await trpcMutation(
      log,
      url,
      'admin.stripeSettings.save',
      {
        enabled: true,
        mode,
        ...keys[mode],
        currency: before.currency,
        failurePolicy: before.failurePolicy,
      },
      admin,
    );
    saves.push({ mode, status: answer.status });
  }
  const settings = dataOf<Settings>(
    await trpcQuery(log, url, 'admin.stripeSettings.get', undefined, admin),
  );
  for (const webhookUrl of options.webhookUrls) {
    stripe.control.addWebhookEndpoint({
      url: webhookUrl,
      secret: keys.test.webhookSigningSecret,
      mode: 'test',
    });
  }

  const booking = await bookByCard(log, url);
  const paid = await transactionOf(log, url, cookie, booking.reference);
  if (!paid.checkoutSessionId)
    throw new Error(`Booking ${booking.reference} has no checkout session.`);
  stripe.paySession(paid.checkoutSessionId);
  await stripe.control.waitForDeliveries();
  const completed = await transactionOf(log, url, cookie, booking.reference);
  const refund = await trpcMutation(
    log,
    url,
    'admin.transactions.refund',
    { paymentId: completed.id, amount: 1000, idempotencyKey: randomUUID() },
    admin,
  );
  await stripe.control.waitForDeliveries();

  const events = dataOf<{ rows: Array<{ id: string }> }>(
    await trpcQuery(log, url, 'admin.webhookEvents.list', { limit: 100 }, admin),
  ).rows;
  const inputs: Record<string, unknown[]> = {
    'admin.transactions.get': [{ paymentId: completed.id }],
    'admin.appointments.get': [{ appointmentId: completed.appointment.id }],
    'admin.webhookEvents.get': events.map((e) => ({ eventId: e.id })),
  };
  let called = 0;
  let answered = 0;
  for (const procedure of options.procedures.filter((p) => p.type === 'query')) {
    for (const input of inputs[procedure.path] ?? [{}]) {
      const answer = await call(log, url, procedure, input, admin);
      called += 1;
      if (answer.status === 200 && envelope(answer).result) answered += 1;
    }
  }
  return {
    saves,
    settings,
    booking,
    paymentStatus: completed.status,
    refundStatus: refund.status,
    adminReads: { called, answered },
    webhookEvents: events.length,
  };
}

async function bookByCard(
  log: AnswerLog,
  url: string,
): Promise<{ reference: string; token: string }> {
  const services = dataOf<Array<{ id: string; price: { amount: number } }>>(
    await trpcQuery(log, url, 'catalogue.services'),
  );
  const service = services.find((s) => s.price.amount > 0);
  if (!service) throw new Error('The demo clinic has no paid service.');
  const today = new Date().toISOString().slice(0, 10);
  const to = new Date(Date.now() + 13 * 86_400_000).toISOString().slice(0, 10);
  const availability = dataOf<{ days: Array<{ slots: Array<{ startsAt: string }> }> }>(
    await trpcQuery(log, url, 'catalogue.availability', { serviceId: service.id, from: today, to }),
  );
  const slot = availability.days.flatMap((d) => d.slots).at(-1);
  if (!slot) throw new Error('No free time in the next two weeks.');
  const created = dataOf<{ reference: string; token: string }>(
    await trpcMutation(log, url, 'booking.create', {
      serviceId: service.id,
      doctorId: 'any',
      startsAt: slot.startsAt,
      patient: { name: 'Grace Hopper', email: 'grace@proof.example', phone: '+1 212 555 0199' },
      paymentMethod: 'stripe',
    }),
  );
  return { reference: created.reference, token: created.token };
}

async function transactionOf(
  log: AnswerLog,
  url: string,
  cookie: string,
  reference: string,
): Promise<TransactionRow> {
  const list = dataOf<{ rows: TransactionRow[] }>(
    await trpcQuery(log, url, 'admin.transactions.list', { search: reference }, { cookie }),
  );
  const row = list.rows.find((r) => r.appointment.reference === reference);
  if (!row) throw new Error(`No transaction for booking ${reference}.`);
  return row;
}
