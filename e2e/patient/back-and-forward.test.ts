// The browser's own Back and Forward buttons move through the booking wizard one step at a time,
// keeping the patient's choices, in Chromium against the real API and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chooseDoctor,
  chooseFirstFreeTime,
  choosePayment,
  chooseService,
  fillDetails,
  openPatient,
  resultHeading,
  type PatientPage,
} from './support/booking-page.js';
import { storedBooking } from './support/database.js';
import { focused } from './support/keyboard.js';
import { startPatientStack, type PatientStack } from './support/patient-stack.js';

describe('patient moves through the wizard with the browser’s Back and Forward', () => {
  let stack: PatientStack;
  let patient: PatientPage | undefined;

  beforeAll(async () => {
    stack = await startPatientStack();
  });
  afterAll(async () => {
    await patient?.close().catch(() => undefined);
    await stack?.stop();
  });

  it('Back twice to the doctor with the service kept, Forward again, then books Pay at clinic', async () => {
    patient = await openPatient(stack.browser, stack.spaUrl);
    const { page } = patient;
    const step = (name: string) => page.getByRole('heading', { level: 2, name }).waitFor();
    const historyLength = () => page.evaluate(() => window.history.length);
    const startLength = await historyLength();

    await chooseService(page);
    await chooseDoctor(page);
    const time = await chooseFirstFreeTime(page);
    const chosenTime = /\d{1,2}:\d{2}.*$/.exec(time)![0];
    expect(page.url()).toBe(`${stack.spaUrl}?step=details`);
    // One entry per move: service → doctor → time → details.
    expect(await historyLength()).toBe(startLength + 3);

    await page.goBack();
    await step('Choose a date and time');
    expect(page.url()).toBe(`${stack.spaUrl}?step=time`);
    await page
      .getByRole('button', { name: chosenTime, exact: true })
      .and(page.locator('[aria-current="true"]'))
      .waitFor();

    await page.goBack();
    await step('Choose a doctor');
    expect(page.url()).toBe(`${stack.spaUrl}?step=doctor`);
    await expect.poll(() => focused(page)).toBe('Choose a doctor');
    // The service is still chosen: its step is done, and its doctors are listed with the one chosen.
    await page.getByRole('button', { name: /Step 1, done: Service/ }).waitFor();
    await page
      .getByRole('button', { name: /Any available doctor/ })
      .and(page.locator('[aria-current="true"]'))
      .waitFor();
    await patient.screenshot('back-01-doctor-after-back');

    await page.goForward();
    await step('Choose a date and time');
    await page
      .getByRole('button', { name: chosenTime, exact: true })
      .and(page.locator('[aria-current="true"]'))
      .waitFor();
    await page.goForward();
    await step('Your details');
    expect(page.url()).toBe(`${stack.spaUrl}?step=details`);
    expect(await historyLength()).toBe(startLength + 3);

    await fillDetails(page);
    await choosePayment(page, 'Pay at clinic');
    expect(await page.getByText('General consultation (30 min)').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Confirm booking' }).click();
    await resultHeading(page, 'Your appointment is confirmed');
    await patient.screenshot('back-02-confirmed');
    const reference = /\/booking\/(CP-[0-9A-Z]+)\?token=/.exec(page.url())?.[1];
    expect(reference).toBeDefined();
    expect(await storedBooking(stack.api, reference!)).toMatchObject({
      status: 'confirmed',
      payment_status: 'due_at_clinic',
    });
    expect(patient.errors).toEqual([]);
  });
});
