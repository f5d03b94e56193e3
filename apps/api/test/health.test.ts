import { sql } from '@clinicpay/db';
import { createDatabase } from '@clinicpay/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../src/testing.js';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api?.stop();
});

describe('GET /healthz', () => {
  it('reports the database up', async () => {
    const response = await fetch(`${api.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: 'up' });
  });

  it('reports the database down (503) when it is gone, and keeps serving', async () => {
    // Take the API's database away for real: end its connections and drop it.
    const name = new URL(api.config.databaseUrl!).pathname.slice(1);
    const admin = await createDatabase({
      url: api.config.databaseUrl!.replace(/\/[^/]+$/, '/postgres'),
      maxConnections: 1,
    });
    try {
      await sql`DROP DATABASE ${sql.id(name)} WITH (FORCE)`.execute(admin.db);
    } finally {
      await admin.close();
    }
    const response = await fetch(`${api.url}/healthz`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'unavailable', database: 'down' });
    // The process is still up and answering.
    expect((await fetch(`${api.url}/healthz`)).status).toBe(503);
  });
});
