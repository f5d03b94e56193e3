// A burst beyond the database pool: a caller that waited the pool's whole wait is told to try
// again (503, Retry-After, a sentence) rather than given a 500.
import { sql } from '@clinicpay/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../src/testing.js';
import { trpcQuery } from './support/admin-http.js';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ env: { DATABASE_POOL_SIZE: '2' } });
});
afterAll(async () => {
  await api?.stop();
});

describe('every database connection in use', () => {
  it('answers 503 with Retry-After and a sentence, then serves again once a connection is free', async () => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    // Both pooled connections (the smallest pool allowed), held as long transactions would hold them.
    const holders = await Promise.all(
      [1, 2].map(async () => {
        let held!: () => void;
        const isHeld = new Promise<void>((resolve) => (held = resolve));
        const holder = api.db.connection().execute(async (connection) => {
          await sql`select 1`.execute(connection);
          held();
          await released;
        });
        await isHeld;
        // Wrapped: an async function returning the promise itself would wait for it.
        return { holder };
      }),
    );
    try {
      const busy = await trpcQuery(api.url, 'catalogue.services', undefined);
      expect(busy.status).toBe(503);
      expect(busy.headers.get('retry-after')).toBe('5');
      expect(busy.body.error).toMatchObject({
        message: 'We are very busy right now. Please try again in a moment.',
        data: { code: 'SERVICE_UNAVAILABLE', appCode: 'server_busy' },
      });
    } finally {
      release();
      await Promise.all(holders.map((h) => h.holder));
    }
    expect((await trpcQuery(api.url, 'catalogue.services', undefined)).status).toBe(200);
  }, 20_000);
});
