// A burst beyond the database pool: a caller that waited the pool's whole wait is told to try
// again (503, Retry-After, a sentence) rather than given a 500.
import { holdConnections } from '@clinicpay/db/testing';
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
    // Both pooled connections (the smallest pool allowed), held as long transactions would hold them.
    const pool = await holdConnections(api.db, 2);
    try {
      const busy = await trpcQuery(api.url, 'catalogue.services', undefined);
      expect(busy.status).toBe(503);
      expect(busy.headers.get('retry-after')).toBe('5');
      expect(busy.body.error).toMatchObject({
        message: 'We are very busy right now. Please try again in a moment.',
        data: { code: 'SERVICE_UNAVAILABLE', appCode: 'server_busy' },
      });
    } finally {
      await pool.release();
    }
    expect((await trpcQuery(api.url, 'catalogue.services', undefined)).status).toBe(200);
  }, 20_000);
});
