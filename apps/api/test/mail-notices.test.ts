import { DEMO_KEYS } from '@clinicpay/demo';
import { beforeEach, describe, expect, it } from 'vitest';
import { alertOnSignatureFailures } from '../src/services/mail/clinic-alerts.js';
import { adminCaller, signIn } from './support/admin-http.js';
import { book, waitUntil } from './support/booking.js';
import { payByCard } from './support/emulator-objects.js';
import { appointmentIdOf, outboxOf, slotsAhead, useMailCatcher } from './support/mail.js';
import { useTestStack } from './support/test-stack.js';

// SMTP_URL only has to be set for the admin to see e-mail as on: the tests send through the
// catcher's own transport (support/mail.ts).
const stack = useTestStack({ env: { SMTP_URL: 'smtp://127.0.0.1:2525' } });
const mail = useMailCatcher();
const runtime = () => stack.api.runtime;
// Signed in when needed: some tests move the clock by a day or more, past any session.
let session: ReturnType<typeof adminCaller> | undefined;
const admin = () => session!;
beforeEach(async () => {
  session = adminCaller(runtime(), await signIn(stack.api.url));
});
const CLINIC = 'reception@riverside-clinic.example';

const laterSlot = slotsAhead(runtime);

async function paidBooking() {
  const booking = await book(runtime(), { startsAt: (await laterSlot()).startsAt });
  const session = payByCard(stack, booking.reference);
  const payment = await waitUntil(
    () =>
      runtime()
        .db.selectFrom('payments')
        .select(['id', 'status', 'charge_id'])
        .where('checkout_session_id', '=', session.id)
        .executeTakeFirstOrThrow(),
    (p) => p.status === 'completed' && p.charge_id !== null,
  );
  await stack.stripe.control.waitForDeliveries();
  return { booking, payment };
}

const forgedDelivery = () =>
  fetch(`${stack.api.url}/webhooks/stripe`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'stripe-signature': 't=1,v1=forged' },
    body: JSON.stringify({ id: 'evt_forged', type: 'payment_intent.succeeded' }),
  });

describe('clinic notices', () => {
  it('tells the clinic of a dispute at once, with the amount and a link to the payment', async () => {
    const { booking, payment } = await paidBooking();
    await mail.send(runtime());
    mail.catcher.clear();
    stack.stripe.control.dispute(payment.charge_id!);
    await stack.stripe.control.waitForDeliveries();
    await mail.send(runtime());
    const [notice] = mail.catcher.messages();
    expect(notice!.to).toEqual([CLINIC]);
    expect(notice!.subject).toContain(booking.reference);
    expect(notice!.text).toContain('$60.00');
    expect(notice!.text).toContain(`/admin/transactions/${payment.id}`);
  });

  it('tells the clinic once a day when Stripe refuses the saved key', async () => {
    stack.stripe.control.revokeKey(DEMO_KEYS.secretKey);
    for (let i = 0; i < 2; i++) {
      await book(runtime(), { startsAt: (await laterSlot()).startsAt }).catch(() => null);
    }
    await mail.send(runtime());
    const alerts = mail.catcher.messages().filter((m) => m.to.includes(CLINIC));
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.text).toContain('Invalid API Key provided');
    // The patients were told on the page that nothing was booked: no e-mail says otherwise.
    expect(mail.catcher.messages().filter((m) => !m.to.includes(CLINIC))).toEqual([]);
    const cancellations = await runtime()
      .db.selectFrom('mail_outbox')
      .select('id')
      .where('kind', '=', 'booking_cancelled')
      .execute();
    expect(cancellations).toEqual([]);
  });

  it('tells the clinic when refused webhook deliveries pile up, not for a few', async () => {
    for (let i = 0; i < 19; i++) await forgedDelivery();
    expect(await alertOnSignatureFailures(runtime())).toBe(false);
    await forgedDelivery();
    expect(await alertOnSignatureFailures(runtime())).toBe(true);
    // Another sweep in the same hour: no second notice.
    expect(await alertOnSignatureFailures(runtime())).toBe(false);
    await mail.send(runtime());
    const [alert] = mail.catcher.messages();
    expect(alert!.to).toEqual([CLINIC]);
    expect(alert!.text).toContain('20');
  });
});

describe('the admin’s e-mail settings', () => {
  it('names where clinic notices go, and moves waiting reminders with a new timing', async () => {
    const booking = await book(runtime(), {
      startsAt: (await laterSlot()).startsAt,
      paymentMethod: 'pay_at_clinic',
    });
    const appointmentId = await appointmentIdOf(runtime(), booking.reference);
    const saved = await admin().admin.mail.saveSettings({
      senderName: 'Riverside Reception',
      senderAddress: '',
      remindersOn: true,
      reminderHoursBefore: 12,
      noticeEmails: ['manager@riverside-clinic.example', 'desk@riverside-clinic.example'],
    });
    expect(saved).toMatchObject({ sending: 'on', reminderHoursBefore: 12 });
    const reminder = (await outboxOf(runtime(), appointmentId)).find(
      (r) => r.kind === 'appointment_reminder',
    )!;
    const startsAt = new Date(booking.startsAt).getTime();
    expect(startsAt - reminder.due_at.getTime()).toBe(12 * 3600_000);

    const next = await book(runtime(), {
      startsAt: (await laterSlot()).startsAt,
      paymentMethod: 'pay_at_clinic',
    });
    await mail.send(runtime());
    const notice = mail.catcher.messages().find((m) => m.subject.includes(next.reference))!;
    expect(notice).toBeDefined();
    const clinicNotice = mail.catcher
      .messages()
      .find((m) => m.subject.startsWith(`New booking ${next.reference}`))!;
    expect(clinicNotice.to).toEqual([
      'manager@riverside-clinic.example',
      'desk@riverside-clinic.example',
    ]);
    expect(clinicNotice.from).toContain('Riverside Reception');
  });

  it('with reminders off, a waiting reminder is dropped when its time comes', async () => {
    const booking = await book(runtime(), {
      startsAt: (await laterSlot()).startsAt,
      paymentMethod: 'pay_at_clinic',
    });
    await admin().admin.mail.saveSettings({
      senderName: '',
      senderAddress: '',
      remindersOn: false,
      reminderHoursBefore: 24,
      noticeEmails: [],
    });
    const appointmentId = await appointmentIdOf(runtime(), booking.reference);
    const reminder = (await outboxOf(runtime(), appointmentId)).find(
      (r) => r.kind === 'appointment_reminder',
    )!;
    stack.advance((reminder.due_at.getTime() - runtime().clock.now().getTime()) / 1000 + 1);
    await mail.send(runtime());
    const after = (await outboxOf(runtime(), appointmentId)).find((r) => r.id === reminder.id)!;
    expect([after.status, after.drop_reason]).toEqual(['dropped', 'reminders_off']);
  });

  it('refuses a sender name that would add a header, in a sentence, saving nothing', async () => {
    const before = await admin().admin.mail.settings();
    await expect(
      admin().admin.mail.saveSettings({
        senderName: 'Clinic\r\nBcc: all@example.com',
        senderAddress: '',
        remindersOn: true,
        reminderHoursBefore: 24,
        noticeEmails: [],
      }),
    ).rejects.toMatchObject({
      message: expect.stringContaining('The sender name cannot hold line breaks'),
    });
    expect(await admin().admin.mail.settings()).toEqual(before);
  });

  it('sends a test e-mail through the outbox; the log shows it and a failed one can be resent', async () => {
    await admin().admin.mail.sendTest({ to: 'owner@riverside-clinic.example' });
    mail.catcher.refuse(({ to }) =>
      to === 'bounce@example.com' ? { code: 550, message: '5.1.1 No such user' } : null,
    );
    await admin().admin.mail.sendTest({ to: 'bounce@example.com' });
    await mail.send(runtime());
    mail.catcher.refuse(null);
    expect(
      mail.catcher.messages().filter((m) => m.to.includes('owner@riverside-clinic.example')),
    ).toHaveLength(1);

    const failed = await admin().admin.mail.list({ status: 'failed', limit: 10 });
    const bounced = failed.rows.find((r) => r.recipient === 'bounce@example.com')!;
    expect(bounced).toMatchObject({ kind: 'test_message', attempts: 1 });
    expect(bounced.lastError).toContain('550');
    expect((await admin().admin.mail.settings()).failedCount).toBeGreaterThanOrEqual(1);

    await admin().admin.mail.resend({ mailId: bounced.id });
    await mail.send(runtime());
    expect(mail.catcher.messages().filter((m) => m.to.includes('bounce@example.com'))).toHaveLength(
      1,
    );
    await expect(admin().admin.mail.resend({ mailId: bounced.id })).rejects.toMatchObject({
      message: expect.stringContaining('Only a message that failed or was dropped'),
    });
    const all = await admin().admin.mail.list({ limit: 50 });
    expect(all.rows.some((r) => r.reference !== null && r.kind === 'booking_confirmed')).toBe(true);
  });
});
