import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../support/stack.js';

// The demo clinic as seeded (apps/api/src/seed/demo-clinic.data.ts), written out as a patient
// reads it: prices are USD minor units there (6000), dollars here ("$60.00").
const SEEDED = [
  { name: 'General consultation', duration: '30 min', price: '$60.00' },
  { name: 'Skin check', duration: '20 min', price: '$45.00' },
  { name: 'Physiotherapy session', duration: '45 min', price: '$75.00' },
  { name: 'Follow-up call', duration: '15 min', price: 'Free' },
];

describe('patient SPA', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ spas: ['patient'] });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it("lists the demo clinic's services with duration and price", async () => {
    const page = await stack.browser.newPage();
    await page.goto(stack.urlOf('patient'));

    const services = page.getByRole('region', { name: 'Services' }).getByRole('listitem');
    await services.first().waitFor();
    expect(await services.count()).toBe(SEEDED.length);
    for (const service of SEEDED) {
      const text = await services.filter({ hasText: service.name }).innerText();
      expect(text).toContain(service.duration);
      expect(text).toContain(service.price);
    }

    await expect(page.getByRole('banner').innerText()).resolves.toContain(
      'Riverside Family Clinic',
    );
    expect(await page.title()).toBe('Book an appointment · Riverside Family Clinic');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
  });
});
