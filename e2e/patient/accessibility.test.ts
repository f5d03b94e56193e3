// axe-core on every screen of the booking, on a phone (375 px) and a desktop (1280 px): no serious
// or critical violation. Each screen is kept as a screenshot in artifacts/ for a person to look at.
import { describe, expect, it } from 'vitest';
import {
  chooseDoctor,
  chooseFirstFreeTime,
  chooseService,
  CARDS,
  confirmAndOpenCard,
  fillDetails,
  payByCard,
  resultHeading,
  seriousViolations,
  WIDTHS,
} from './support/booking-page.js';
import { usePatientStack } from './support/use-patient-stack.js';

describe('accessibility of every step', () => {
  const stack = usePatientStack();

  for (const width of Object.values(WIDTHS)) {
    it(`has no serious or critical axe violation at ${width} px`, async () => {
      const p = await stack.openPatient({ width });
      const { page } = p;
      const found: Record<string, unknown> = {};
      const scan = async (name: string) => {
        await p.screenshot(name);
        const violations = await seriousViolations(page);
        if (violations.length > 0) found[name] = violations;
      };

      await page.getByRole('button', { name: /General consultation/ }).waitFor();
      await scan('01-service');
      await chooseService(page);
      await page.getByRole('button', { name: /Any available doctor/ }).waitFor();
      await scan('02-doctor');
      await chooseDoctor(page);
      await page
        .getByRole('region', { name: /^Free times on / })
        .or(page.getByRole('button', { name: 'Show the next month' }))
        .first()
        .waitFor();
      await scan('03-time');
      await chooseFirstFreeTime(page);
      await page.getByRole('button', { name: 'Continue to payment' }).click();
      await page.getByText('Enter your full name.').waitFor();
      await scan('04-details-errors');
      await fillDetails(page);
      await page.getByRole('button', { name: 'Confirm and pay' }).waitFor();
      await scan('05-payment');
      await confirmAndOpenCard(p);
      await page.waitForTimeout(300);
      await scan('06-card-form');
      await payByCard(p.checkout, CARDS.declined);
      await resultHeading(page, 'This booking is cancelled');
      await page.getByRole('button', { name: 'Book this time again' }).waitFor();
      await scan('07-cancelled');
      await page.getByRole('button', { name: 'Book this time again' }).click();
      await p.checkout.getByLabel('Card number').waitFor();
      await payByCard(p.checkout, CARDS.success);
      await resultHeading(page, 'Your appointment is confirmed');
      await scan('08-confirmed');

      expect(found).toEqual({});
      expect(p.errors).toEqual([]);
    });
  }
});
