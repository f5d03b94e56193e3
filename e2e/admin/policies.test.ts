// The clinic's Policies page and the appointment's Move action, in Chromium: the sentence patients
// read previews as the admin types and is stored on save; a confirmed appointment moves to another
// free time with a reason that lands on its timeline.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  drawer,
  openAdmin,
  openSection,
  signIn,
  toast,
  type AdminPage,
} from './support/admin-page.js';
import { startAdminStack, type AdminStack } from './support/admin-stack.js';
import { GRACE, book } from './support/bookings.js';

describe('policies and moving an appointment', () => {
  let stack: AdminStack;
  let admin: AdminPage;
  beforeAll(async () => {
    stack = await startAdminStack();
    admin = await openAdmin(stack.browser, stack.adminUrl, { path: 'appointments' });
    await signIn(admin.page, 'Appointments');
  });
  afterAll(async () => {
    await admin?.close();
    await stack?.stop();
  });

  it('previews the policy sentence while typing and saves it for new bookings', async () => {
    const { page } = admin;
    await openSection(page, 'Policies');
    const preview = page.getByTestId('policy-preview');
    expect(await preview.innerText()).toBe(
      'Cancel up to 24 hours before for a full refund; no refund after. Move your booking up to 2 times, up to 24 hours before.',
    );
    await page.getByRole('button', { name: 'Add a refund tier' }).click();
    await page.getByLabel('Tier 1: refund (%)').fill('50');
    await page.getByLabel('Tier 1: until (hours before)').fill('4');
    expect(await preview.innerText()).toContain(
      'Cancel up to 24 hours before for a full refund; 50% until 4 hours before; no refund after.',
    );
    await page.getByLabel('Tier 1: until (hours before)').fill('30');
    await page
      .getByText('Each refund tier must end before the free cancellation window does.')
      .waitFor();
    await page.getByLabel('Tier 1: until (hours before)').fill('4');
    await admin.screenshot('policies-01-preview');
    await page.getByRole('button', { name: 'Save policy' }).click();
    await toast(page, 'Policy saved');
    const clinic = await stack.api.db
      .selectFrom('clinics')
      .select('cancellation_policy')
      .executeTakeFirstOrThrow();
    expect(clinic.cancellation_policy).toMatchObject({
      freeCancelHours: 24,
      refundTiers: [{ hoursBefore: 4, percent: 50 }],
    });
  });

  it('moves a confirmed appointment to another free time, with a reason', async () => {
    const { page } = admin;
    const booking = await book(stack, GRACE, { method: 'pay_at_clinic' });
    const { id } = await stack.api.db
      .selectFrom('appointments')
      .select('id')
      .where('reference', '=', booking.reference)
      .executeTakeFirstOrThrow();
    // Straight to its panel: the list opens on today, and the booking may be on another day.
    await page.goto(new URL(`appointments/${id}`, stack.adminUrl).toString());
    const panel = drawer(page, `Appointment ${booking.reference}`);
    await panel.getByRole('button', { name: 'Move', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Move appointment' });
    const times = dialog.getByRole('region', { name: /^Free times on / }).getByRole('button');
    // The booking took the first free time, which late in the day may be the doctor's last: the
    // days after it, until one has free times.
    const day = new Date(booking.startsAt);
    for (let i = 0; i < 7; i++) {
      const none = dialog.getByText('No free times that day.');
      await times.first().or(none).waitFor();
      if (await times.count()) break;
      day.setUTCDate(day.getUTCDate() + 1);
      await dialog.getByLabel('Day').fill(day.toISOString().slice(0, 10));
    }
    await times.last().click();
    await dialog.getByLabel('Reason').fill('Doctor running late');
    await admin.screenshot('policies-02-move', { viewport: true });
    await dialog.getByRole('button', { name: 'Move appointment' }).click();
    await toast(page, 'Appointment moved');
    // The timeline says who moved it, from when to when, and why.
    await panel.getByText(/^From .+ to .+: “Doctor running late”$/).waitFor();
    await admin.screenshot('policies-03-moved-timeline', { viewport: true });
    const row = await stack.api.db
      .selectFrom('appointments')
      .select(['starts_at', 'status'])
      .where('reference', '=', booking.reference)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('confirmed');
    expect(row.starts_at.toISOString()).not.toBe(booking.startsAt);
    const event = await stack.api.db
      .selectFrom('appointment_events')
      .innerJoin('appointments', 'appointments.id', 'appointment_events.appointment_id')
      .select(['appointment_events.reason', 'appointment_events.details'])
      .where('appointments.reference', '=', booking.reference)
      .where('appointment_events.source', '=', 'admin')
      .executeTakeFirstOrThrow();
    expect(event).toMatchObject({
      reason: 'moved_by_clinic',
      details: { note: 'Doctor running late' },
    });
  });
});
