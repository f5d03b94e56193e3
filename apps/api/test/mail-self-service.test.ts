// The e-mail of a patient's own changes: the confirmation states the policy the booking keeps, a
// reschedule sends the same calendar event one revision on, and a cancel of a paid booking says
// what is refunded and cancels the calendar event.
import { describe, expect, it } from 'vitest';
import { createTestCaller } from '../src/testing.js';
import { book, patient, waitUntil } from './support/booking.js';
import { payByCard } from './support/emulator-objects.js';
import { receivedBy, slotsAhead, useMailCatcher } from './support/mail.js';
import { useTestStack } from './support/test-stack.js';

const stack = useTestStack({ env: { SMTP_URL: 'smtp://127.0.0.1:2525' } });
const mail = useMailCatcher();
const runtime = () => stack.api.runtime;
const laterSlot = slotsAhead(runtime);
const icsOf = (m: { attachments: { content: string }[] }) =>
  Buffer.from(m.attachments[0]!.content, 'base64').toString();

describe('a patient’s changes by e-mail', () => {
  it('confirms with the policy, tells of the move, then of the cancel and its refund', async () => {
    const booking = await book(runtime(), { startsAt: (await laterSlot()).startsAt });
    payByCard(stack, booking.reference);
    const caller = createTestCaller(runtime());
    const token = { reference: booking.reference, token: booking.token };
    await waitUntil(
      () => caller.booking.status(token),
      (s) => s.status === 'confirmed',
    );
    await mail.send(runtime());
    const [confirmation] = receivedBy(mail.catcher, patient.email);
    expect(confirmation!.text).toContain(
      'Cancellation policy: Cancel up to 24 hours before for a full refund; no refund after.',
    );

    const target = await laterSlot();
    await caller.booking.reschedule({ ...token, doctorId: 'any', startsAt: target.startsAt });
    await mail.send(runtime());
    const moved = receivedBy(mail.catcher, patient.email).at(-1)!;
    expect(moved.subject).toMatch(/^Rescheduled: /);
    expect(icsOf(moved)).toContain('SEQUENCE:1');

    await caller.booking.cancel({ ...token, expectedRefund: 6000 });
    await mail.send(runtime());
    const cancelled = receivedBy(mail.catcher, patient.email).at(-1)!;
    expect(cancelled.text).toMatch(/refund(ed|ing) the full \$60\.00 you paid/);
    expect(icsOf(cancelled)).toContain('METHOD:CANCEL');
    expect(icsOf(cancelled)).toContain('SEQUENCE:2');
  });
});
