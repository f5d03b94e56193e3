// The Clinic page's booking protection: the caps and the proof of work saved, and a flood from
// one IPv6 /64 found and cancelled in one action, with a reason, while another patient's stays.
import { createTestCaller } from '@clinicpay/api/testing';
import { addDays, toLocal } from '@clinicpay/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAdmin, signIn, toast, type AdminPage } from './support/admin-page.js';
import { startAdminStack, type AdminStack } from './support/admin-stack.js';
import { CONSULTATION_ID } from './support/bookings.js';

describe('booking protection on the Clinic page', () => {
  let stack: AdminStack;
  let admin: AdminPage;
  const flood: string[] = [];
  let bystander = '';
  beforeAll(async () => {
    stack = await startAdminStack();
    const today = toLocal(stack.api.runtime.clock.now(), 'America/New_York').date;
    const slots = (
      await createTestCaller(stack.api.runtime).catalogue.availability({
        serviceId: CONSULTATION_ID,
        from: today,
        to: addDays(today, 13),
      })
    ).days.flatMap((d) => d.slots);
    const bookFrom = async (ip: string, i: number) =>
      (
        await createTestCaller(stack.api.runtime, ip).booking.create({
          serviceId: CONSULTATION_ID,
          doctorId: 'any',
          startsAt: slots[i]!.startsAt,
          patient: {
            name: `Bot ${i}`,
            email: `bot${i}@flood.example`,
            phone: `+1 212 555 08${10 + i}`,
          },
          paymentMethod: 'pay_at_clinic',
        })
      ).reference;
    for (let i = 0; i < 3; i++) flood.push(await bookFrom(`2001:db8:5:6:${i + 1}::7`, i));
    bystander = await bookFrom('2001:db8:5:7::1', 3);
    // Test stacks lift the cap; the page starts from the clinic's real default here.
    await stack.api.db.updateTable('clinics').set({ max_open_bookings_per_contact: 3 }).execute();
    admin = await openAdmin(stack.browser, stack.adminUrl, { path: 'clinic' });
    await signIn(admin.page, 'Clinic');
    // The page asked before the sign-in and was answered 401, as it should be: not counted.
    admin.errors.length = 0;
  });
  afterAll(async () => {
    await admin?.close();
    await stack?.stop();
  });

  it('saves the cap per contact and the proof-of-work settings', async () => {
    const { page } = admin;
    await page.getByRole('heading', { level: 2, name: 'Booking protection' }).waitFor();
    const cap = page.getByLabel('Upcoming bookings per e-mail address or phone number');
    await expect.poll(() => cap.inputValue()).toBe('3');
    await cap.fill('0');
    await page.getByRole('button', { name: 'Save' }).nth(1).click();
    await page.getByText('Allow at least 1 open booking per patient.').waitFor();
    await cap.fill('2');
    await page.getByText('Always ask for a proof of work when booking').click();
    await page.getByLabel('Ask for it by itself above this many bookings in 10 minutes').fill('50');
    await page.getByRole('button', { name: 'Save' }).nth(1).click();
    await toast(page, 'Booking protection saved');
    await admin.screenshot('protection-01-settings');
    const clinic = await stack.api.db
      .selectFrom('clinics')
      .select([
        'max_open_bookings_per_contact',
        'booking_challenge_always',
        'booking_challenge_threshold',
      ])
      .executeTakeFirstOrThrow();
    expect(clinic).toEqual({
      max_open_bookings_per_contact: 2,
      booking_challenge_always: true,
      booking_challenge_threshold: 50,
    });
  });

  it('finds the bookings from one /64 and cancels them with a reason; another network is left', async () => {
    const { page } = admin;
    await page.getByLabel('IP address or network to clean up').fill('2001:db8:5:6::/64');
    await page.getByRole('button', { name: 'Find the bookings' }).click();
    await page.getByText('3 open booking(s) match').waitFor();
    for (const reference of flood) expect(await page.getByText(reference).isVisible()).toBe(true);
    await page
      .getByLabel('Reason, told to each patient')
      .fill('Automated bookings from one network');
    await admin.screenshot('protection-02-found');
    await page.getByRole('button', { name: 'Cancel 3 booking(s)' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel them' }).click();
    await toast(page, '3 booking(s) cancelled');
    const rows = await stack.api.db
      .selectFrom('appointments')
      .select(['reference', 'status', 'cancel_reason'])
      .where('reference', 'in', [...flood, bystander])
      .execute();
    for (const reference of flood)
      expect(rows.find((r) => r.reference === reference)?.status).toBe('cancelled');
    expect(rows.find((r) => r.reference === bystander)?.status).toBe('confirmed');
    expect(admin.errors).toEqual([]);
  });
});
