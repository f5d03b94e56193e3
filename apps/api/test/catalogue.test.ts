import { createTRPCClient, httpBatchLink } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppRouter } from '../src/index.js';
import { DEMO_CLINIC, DEMO_SERVICES } from '../src/seed/demo-clinic.data.js';
import { startTestApi, type TestApi } from '../src/testing.js';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api?.stop();
});

describe('catalogue over HTTP (tRPC at /trpc)', () => {
  it('serves the clinic and its bookable services, money in minor units as numbers', async () => {
    const client = createTRPCClient<AppRouter>({
      links: [httpBatchLink({ url: `${api.url}/trpc` })],
    });
    const [clinic, services] = await Promise.all([
      client.catalogue.clinic.query(),
      client.catalogue.services.query(),
    ]);

    expect(clinic).toEqual({
      id: DEMO_CLINIC.id,
      name: DEMO_CLINIC.name,
      timeZone: 'America/New_York',
      currency: 'USD',
      address: DEMO_CLINIC.address,
      contactEmail: DEMO_CLINIC.contactEmail,
      contactPhone: DEMO_CLINIC.contactPhone,
      takingBookings: true,
    });
    expect(services.map((s) => s.name)).toEqual([
      'Follow-up call',
      'General consultation',
      'Physiotherapy session',
      'Skin check',
    ]);
    expect(services.find((s) => s.name === 'General consultation')).toMatchObject({
      durationMinutes: 30,
      price: { amount: 6000, currency: 'USD' },
    });
    expect(services.find((s) => s.name === 'Follow-up call')?.price.amount).toBe(0);
    expect(services).toHaveLength(DEMO_SERVICES.length);
  });

  it('hides soft-deleted services', async () => {
    const skinCheck = DEMO_SERVICES.find((s) => s.name === 'Skin check')!;
    await api.db
      .updateTable('services')
      .set({ deleted_at: new Date() })
      .where('id', '=', skinCheck.id)
      .execute();
    const client = createTRPCClient<AppRouter>({
      links: [httpBatchLink({ url: `${api.url}/trpc` })],
    });
    // Written to the table, as another replica or the CLI would: shown within a second.
    const names = async () => (await client.catalogue.services.query()).map((s) => s.name);
    await expect.poll(names, { timeout: 1000, interval: 50 }).not.toContain('Skin check');
    expect(await names()).toHaveLength(DEMO_SERVICES.length - 1);
  });

  it('sends no framework banner', async () => {
    const response = await fetch(`${api.url}/healthz`);
    expect(response.headers.get('x-powered-by')).toBeNull();
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
