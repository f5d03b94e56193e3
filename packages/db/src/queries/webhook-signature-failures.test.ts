import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/index.js';
import { recordSignatureFailure } from './webhook-signature-failures.js';

describe('webhook_signature_failures on PostgreSQL', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t.drop());

  it('keeps only the newest 1000 failures', async () => {
    await sql`
      insert into webhook_signature_failures (reason, received_at)
      select 'bulk ' || g, now() from generate_series(1, 1200) g`.execute(t.db);
    for (let i = 0; i < 3; i++) {
      await recordSignatureFailure(t.db, {
        mode: 'live',
        reason: `latest ${i}`,
        remoteAddress: '203.0.113.7',
        receivedAt: new Date('2031-01-01T00:00:00Z'),
      });
    }
    const rows = await t.db
      .selectFrom('webhook_signature_failures')
      .select(['reason'])
      .orderBy('id')
      .execute();
    expect(rows).toHaveLength(1000);
    expect(rows[0]?.reason).toBe('bulk 204');
    expect(rows.at(-1)?.reason).toBe('latest 2');
  });
});
