import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../support/stack.js';

// The demo clinic as seeded (apps/api/src/seed/demo-clinic.data.ts), as the admin table shows it.
const SEEDED = [
  { name: 'General consultation', duration: '30 min', price: '$60.00' },
  { name: 'Skin check', duration: '20 min', price: '$45.00' },
  { name: 'Physiotherapy session', duration: '45 min', price: '$75.00' },
  { name: 'Follow-up call', duration: '15 min', price: 'Free' },
];

describe('admin SPA', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack('admin');
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('is served under /admin/ and shows the services overview', async () => {
    expect(new URL(stack.spa.url).pathname).toBe('/admin/');
    const page = await stack.browser.newPage();
    await page.goto(stack.spa.url);

    await page.getByRole('heading', { level: 1, name: 'Services' }).waitFor();
    const rows = page.getByRole('table').locator('tbody tr');
    await rows.filter({ hasText: SEEDED[0]!.name }).waitFor();
    expect(await rows.count()).toBe(SEEDED.length);
    for (const service of SEEDED) {
      const row = rows.filter({
        has: page.getByRole('rowheader', { name: service.name, exact: true }),
      });
      expect(await row.getByRole('cell').allInnerTexts()).toEqual([
        service.duration,
        service.price,
      ]);
    }

    await expect(page.getByRole('banner').innerText()).resolves.toContain(
      'Riverside Family Clinic',
    );
  });
});
