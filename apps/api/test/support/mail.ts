// A real SMTP server for the e-mail tests: the mail catcher `npm start` runs, on free ports.
import { startMailCatcher, type MailCatcher } from '@clinicpay/mail-catcher';
import { lateBound } from '@clinicpay/testing';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { Runtime } from '../../src/bootstrap.js';
import { book, freeSlots, patient } from './booking.js';
import { sendDueMail } from '../../src/services/mail/mail-sender.js';
import { createSmtpTransport, type MailTransport } from '../../src/services/mail/smtp-transport.js';

export interface MailRig {
  catcher: MailCatcher;
  transport: MailTransport;
  /** One round of the API's sender against the catcher. */
  send(runtime: Runtime): ReturnType<typeof sendDueMail>;
}

/** Starts a catcher before the file's tests and empties it before each one. */
export function useMailCatcher(): MailRig {
  let rig: MailRig | undefined;
  beforeAll(async () => {
    const catcher = await startMailCatcher();
    const transport = createSmtpTransport(catcher.smtpUrl);
    rig = { catcher, transport, send: (runtime) => sendDueMail(runtime, transport) };
  });
  beforeEach(() => rig?.catcher.clear());
  afterAll(async () => {
    rig?.transport.close();
    await rig?.catcher.stop();
  });
  return lateBound(() => rig, 'The mail catcher');
}

/** The outbox rows of an appointment, by kind. */
export async function outboxOf(runtime: Runtime, appointmentId: string) {
  return runtime.db
    .selectFrom('mail_outbox')
    .select([
      'id',
      'kind',
      'fact_key',
      'status',
      'attempts',
      'due_at',
      'message_id',
      'last_error',
      'drop_reason',
      'recipient',
    ])
    .where('appointment_id', '=', appointmentId)
    .orderBy('kind')
    .execute();
}

export async function appointmentIdOf(runtime: Runtime, reference: string): Promise<string> {
  const row = await runtime.db
    .selectFrom('appointments')
    .select('id')
    .where('reference', '=', reference)
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Free times two days ahead at least, a new one per call: every booking made from them is outside
 * its reminder window (24 h) when made, so its reminder is written.
 */
export function slotsAhead(runtime: () => Runtime) {
  let taken = 0;
  return async () => {
    const now = runtime().clock.now().getTime();
    const later = (await freeSlots(runtime())).filter(
      (s) => new Date(s.startsAt).getTime() - now > 48 * 3600_000,
    );
    return later[taken++]!;
  };
}

/** A pay-at-clinic booking (confirmed at once, so its messages are written with it). */
export async function bookAtClinic(
  runtime: Runtime,
  nextSlot: () => Promise<{ startsAt: string }>,
  who: typeof patient = patient,
) {
  const slot = await nextSlot();
  const booking = await book(runtime, {
    startsAt: slot.startsAt,
    paymentMethod: 'pay_at_clinic',
    patient: who,
  });
  return { booking, appointmentId: await appointmentIdOf(runtime, booking.reference) };
}

export function receivedBy(catcher: MailCatcher, address: string) {
  return catcher.messages().filter((m) => m.to.some((to) => to.toLowerCase() === address));
}
