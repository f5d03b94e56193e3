// The catalogue: the seeded services as the clinic sees them, a price Stripe cannot charge refused
// on its field in the API's words, delete and restore; a doctor's time off over a booking refused
// with the booking named, and weekly hours checked before they are sent.
import { toLocal } from '@clinicpay/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAdmin, openSection, signIn, toast, type AdminPage } from './support/admin-page.js';
import { startAdminStack, type AdminStack } from './support/admin-stack.js';
import { ADA, book } from './support/bookings.js';

const SEEDED = [
  ['Follow-up call', '15 min', 'Free'],
  ['General consultation', '30 min', '$60.00'],
  ['Physiotherapy session', '45 min', '$75.00'],
  ['Skin check', '20 min', '$45.00'],
];

describe('catalogue', () => {
  let stack: AdminStack;
  let admin: AdminPage;
  beforeAll(async () => {
    stack = await startAdminStack();
    admin = await openAdmin(stack.browser, stack.adminUrl, { path: 'services' });
    await signIn(admin.page, 'Services');
  });
  afterAll(async () => {
    await admin?.close();
    await stack?.stop();
  });

  it('lists the services with duration and price, and refuses a price below Stripe’s minimum', async () => {
    const { page } = admin;
    const rows = page.getByRole('table', { name: /^Services/ }).locator('tbody tr');
    await rows.first().waitFor();
    const shown = await rows.evaluateAll((trs) =>
      trs.map((tr) =>
        Array.from(tr.querySelectorAll('th, td'))
          .slice(0, 3)
          .map((c) => (c.firstChild?.textContent ?? '').trim()),
      ),
    );
    expect(shown).toEqual(SEEDED);

    await page.getByRole('button', { name: 'Add a service' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a service' });
    await dialog.getByLabel('Name').fill('Blood test');
    await dialog.getByLabel('Duration (minutes)').fill('10');
    await dialog.getByLabel('Price').fill('0.10');
    await dialog.getByRole('button', { name: 'Add service' }).click();
    await dialog
      .getByText(
        "Stripe's smallest charge in USD is $0.50: charge at least that, or 0 for a free service.",
      )
      .waitFor();
    expect(await dialog.getByLabel('Price').getAttribute('aria-invalid')).toBe('true');
    await admin.screenshot('catalogue-01-price-refused', { viewport: true });
    await dialog.getByLabel('Price').fill('25.00');
    await dialog.getByRole('button', { name: 'Add service' }).click();
    await toast(page, 'Blood test added');
    await rows.filter({ hasText: 'Blood test' }).getByText('$25.00').waitFor();
  });

  it('deletes a service after asking, and restores it', async () => {
    const { page } = admin;
    await page.getByRole('button', { name: 'Delete Skin check' }).click();
    await page
      .getByRole('alertdialog', { name: 'Delete Skin check?' })
      .getByRole('button', { name: 'Delete service' })
      .click();
    await toast(page, 'Skin check deleted');
    await page.getByRole('button', { name: 'Restore Skin check' }).click();
    await toast(page, 'Skin check restored');
    await page.getByRole('button', { name: 'Edit Skin check' }).waitFor();
  });

  it('refuses time off over a booking, naming it, and checks weekly hours before saving', async () => {
    const { page } = admin;
    const booking = await book(stack, ADA);
    const row = await stack.api.db
      .selectFrom('appointments')
      .innerJoin('doctors', 'doctors.id', 'appointments.doctor_id')
      .select(['appointments.starts_at', 'doctors.name'])
      .where('appointments.reference', '=', booking.reference)
      .executeTakeFirstOrThrow();
    const local = (instant: Date) => {
      const { date, minuteOfDay } = toLocal(instant, 'America/New_York');
      return `${date}T${String(Math.floor(minuteOfDay / 60)).padStart(2, '0')}:${String(minuteOfDay % 60).padStart(2, '0')}`;
    };
    await openSection(page, 'Doctors');
    await page.getByRole('link', { name: row.name }).click();
    await page.getByRole('heading', { level: 1, name: row.name }).waitFor();
    const timeOff = page.getByRole('form', { name: 'Add time off' });
    await timeOff.getByLabel('From').fill(local(new Date(row.starts_at.getTime() - 3600_000)));
    await timeOff.getByLabel('Until').fill(local(new Date(row.starts_at.getTime() + 3600_000)));
    await timeOff.getByRole('button', { name: 'Add time off' }).click();
    await timeOff
      .getByRole('alert')
      .filter({
        hasText:
          /The doctor has bookings in this time: .*Move or cancel them first; no time off was added\./,
      })
      .waitFor();
    await admin.screenshot('catalogue-02-time-off-refused');

    const hours = page.getByRole('form', { name: 'Weekly hours' });
    await hours.getByLabel('Until').first().fill('08:00');
    await hours.getByRole('button', { name: 'Save weekly hours' }).click();
    await hours.getByText('The end must be after the start.').waitFor();
    expect(admin.errors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
  });
});
