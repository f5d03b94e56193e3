// A clinic's first run, as its technical person and then its admin do it: an empty PostgreSQL
// database, `cli migrate` and `cli create-admin`, the API in production serving the built SPAs;
// then in Chromium the set-up page, the checklist, a service, a doctor with hours, Pay at clinic,
// and a patient's booking that ticks the checklist's last item.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '@clinicpay/db/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.js';
import { buildSpa } from '../support/build-spa.js';
import {
  chooseDoctor,
  chooseFirstFreeTime,
  choosePayment,
  fillDetails,
  resultHeading,
} from '../patient/support/booking-page.js';
import { cli, startProductionApi, type ProductionSettings } from './support/production-api.js';

const OWNER = { email: 'owner@harbour-clinic.example', password: 'a long owner password' };
const CLINIC_LABELS = [
  'Clinic name',
  'Address',
  'Time zone',
  'Currency',
  'Contact email',
  'Contact phone',
];

describe('a clinic goes from an empty database to its first booking', () => {
  let database: TestDatabase;
  let settings: ProductionSettings;
  let api: Awaited<ReturnType<typeof startProductionApi>>;
  let browser: Browser;
  let admin: Page;
  const folders: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase({ migrated: false });
    const [patientDir, adminDir] = await Promise.all([
      mkdtemp(join(tmpdir(), 'first-run-patient-')),
      mkdtemp(join(tmpdir(), 'first-run-admin-')),
    ]);
    folders.push(patientDir, adminDir);
    await buildSpa('patient', patientDir);
    await buildSpa('admin', adminDir);
    settings = {
      databaseUrl: database.url,
      appSecret: 'first-run-app-secret-of-32-characters',
      patientDir,
      adminDir,
    };
    browser = await launchBrowser();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await api?.stop();
    await database?.drop();
    for (const folder of folders) await rm(folder, { recursive: true, force: true });
  });

  it('migrates, creates the first admin and starts in production', async () => {
    expect(await cli(settings, ['migrate'])).toMatch(/^Applied \d+ migration\(s\)/);
    expect(
      await cli(settings, ['create-admin', '--email', OWNER.email], {
        ADMIN_PASSWORD: OWNER.password,
      }),
    ).toContain(`Created admin ${OWNER.email} (Owner).`);
    api = await startProductionApi(settings);
  });

  it('before set-up, the patient page says the clinic takes no online bookings', async () => {
    const page = await browser.newPage();
    await page.goto(`${api.url}/`);
    await page.getByText('This clinic is not taking online bookings yet.').waitFor();
    expect(await page.getByRole('region', { name: 'Services' }).count()).toBe(0);
    await page.close();
  });

  it('the admin signs in and lands on the set-up page, then saves the clinic', async () => {
    admin = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await admin.goto(`${api.url}/admin/`);
    await admin.getByLabel('Email').fill(OWNER.email);
    await admin.getByLabel('Password').fill(OWNER.password);
    await admin.getByRole('button', { name: 'Sign in' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Set up your clinic' }).waitFor();
    for (const label of CLINIC_LABELS)
      await admin.getByLabel(label, { exact: true }).first().waitFor();
    expect(await admin.getByRole('navigation', { name: 'Admin sections' }).count()).toBe(0);

    await admin.getByRole('button', { name: 'Save and continue' }).click();
    await admin.getByText("Enter the clinic's name.").waitFor();

    await admin.getByLabel('Clinic name', { exact: true }).fill('Harbour Health');
    await admin.getByLabel('Address', { exact: true }).fill('1 Quay Street, Auckland 1010');
    await pick(admin, 'Time zone', 'Auckland', 'Pacific/Auckland');
    await pick(admin, 'Currency', 'NZD', 'NZD · New Zealand Dollar');
    await admin.getByLabel('Contact email', { exact: true }).fill('desk@harbour-clinic.example');
    await admin.getByLabel('Contact phone', { exact: true }).fill('+64 9 555 0100');
    await admin.screenshot({ path: 'production/artifacts/first-run-setup.png', fullPage: true });
    await admin.getByRole('button', { name: 'Save and continue' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Getting started' }).waitFor();
    expect(await checklist(admin)).toEqual([
      'Add a service (to do)',
      'Add a doctor with working hours (to do)',
      'Turn on a way to pay (to do)',
      'Make a test booking (to do)',
    ]);
    await admin.screenshot({ path: 'production/artifacts/first-run-checklist.png' });
    await admin.goto(`${api.url}/admin/clinic`);
    await admin.getByRole('heading', { level: 1, name: 'Clinic' }).waitFor();
    await admin.getByRole('button', { name: 'Save', exact: true }).waitFor();
    await admin.screenshot({ path: 'production/artifacts/first-run-clinic.png', fullPage: true });
    await admin.goto(`${api.url}/admin/`);
    await admin.getByRole('heading', { level: 1, name: 'Getting started' }).waitFor();
  });

  it('adds a service, a doctor with hours and Pay at clinic; the checklist ticks them', async () => {
    await admin.getByRole('link', { name: 'Add a service' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Services' }).waitFor();
    await admin.getByRole('button', { name: 'Add a service' }).click();
    const serviceDialog = admin.getByRole('dialog', { name: 'Add a service' });
    await serviceDialog.getByLabel('Name').fill('Consultation');
    await serviceDialog.getByLabel('Duration (minutes)').fill('30');
    await serviceDialog.getByLabel('Price').fill('90.00');
    await serviceDialog.getByRole('button', { name: 'Add service' }).click();
    await serviceDialog.waitFor({ state: 'detached' });

    await admin.goto(`${api.url}/admin/doctors`);
    await admin.getByRole('button', { name: 'Add a doctor' }).click();
    const doctorDialog = admin.getByRole('dialog', { name: 'Add a doctor' });
    await doctorDialog.getByLabel('Name').fill('Dr. Rua Tane');
    await doctorDialog.getByRole('button', { name: 'Add doctor' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Dr. Rua Tane' }).waitFor();
    const services = admin.getByRole('form', { name: 'Services offered' });
    await services.getByText('Consultation').click();
    await services.getByRole('button', { name: 'Save services' }).click();
    await services.getByRole('checkbox', { name: /Consultation/, checked: true }).waitFor();
    const hours = admin.getByRole('form', { name: 'Weekly hours' });
    for (let day = 0; day < 7; day++)
      await hours.getByRole('button', { name: 'Add hours' }).click();
    for (let day = 0; day < 7; day++) await chooseDay(admin, day);
    await hours.getByRole('button', { name: 'Save weekly hours' }).click();
    await hours.getByRole('button', { name: /^Remove Sunday 09:00/ }).waitFor();

    await admin.goto(`${api.url}/admin/payment-settings`);
    await admin.getByRole('switch', { name: 'Enable Pay at clinic' }).click({ force: true });
    await admin.getByText('Pay at clinic is on').waitFor();

    await admin.goto(`${api.url}/admin/`);
    await admin.getByRole('heading', { level: 1, name: 'Getting started' }).waitFor();
    expect(await checklist(admin)).toEqual([
      'Add a service (done)',
      'Add a doctor with working hours (done)',
      'Turn on a way to pay (done)',
      'Make a test booking (to do)',
    ]);
  });

  it('a patient books at the clinic, and the checklist ticks the test booking', async () => {
    const patient = await browser.newPage();
    await patient.goto(`${api.url}/`);
    await patient.getByRole('heading', { name: 'Book an appointment' }).waitFor();
    await patient.getByText('Harbour Health, 1 Quay Street, Auckland 1010.').waitFor();
    await patient.getByRole('button', { name: /Consultation/ }).click();
    await patient.getByRole('heading', { level: 2, name: 'Choose a doctor' }).waitFor();
    await chooseDoctor(patient);
    await chooseFirstFreeTime(patient);
    await fillDetails(patient);
    await choosePayment(patient, 'Pay at clinic');
    await patient.getByRole('button', { name: 'Confirm booking' }).click();
    await resultHeading(patient, 'Your appointment is confirmed');
    await patient.close();

    await admin.goto(`${api.url}/admin/getting-started`);
    await admin.getByRole('heading', { level: 1, name: 'Getting started' }).waitFor();
    await expect.poll(() => checklist(admin)).toContain('Make a test booking (done)');
    // Done: the home now opens the transactions, where the booking's payment is due at the clinic.
    await admin.goto(`${api.url}/admin/`);
    await admin.getByRole('heading', { level: 1, name: 'Transactions' }).waitFor();
  });
});

/** A searchable list: type, then choose the option. */
async function pick(page: Page, label: string, typed: string, option: string) {
  const field = page.getByRole('combobox', { name: label, exact: true });
  await field.fill(typed);
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Row `day` of the weekly hours gets that weekday (0 = Sunday), through its Day drop-down. */
async function chooseDay(page: Page, day: number) {
  const names = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
  const hours = page.getByRole('form', { name: 'Weekly hours' });
  await hours.getByRole('button', { name: /Day/ }).nth(day).click();
  await page.getByRole('option', { name: names[day], exact: true }).click();
}

async function checklist(page: Page): Promise<string[]> {
  // Each step's link says whether it is done: "Add a service (done)".
  const links = page.getByRole('list', { name: 'Set-up steps' }).getByRole('link');
  // The heading comes before the steps (they load after it): wait for them, then read them all.
  await links.first().waitFor();
  return links.evaluateAll((all) => all.map((a) => (a.textContent ?? '').trim()));
}
