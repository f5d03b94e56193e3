import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/index.js';
import { findSignatureFailures, recordSignatureFailure } from './webhook-signature-failures.js';

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

  it('counts a flood from one sender as a row a minute, so real failures are not pushed out', async () => {
    const at = (seconds: number) => new Date(Date.UTC(2032, 0, 1, 0, 0, seconds));
    await recordSignatureFailure(t.db, {
      mode: 'live',
      reason: 'bad_signature',
      remoteAddress: '198.51.100.9',
      receivedAt: at(0),
    });
    for (let i = 0; i < 1100; i++) {
      await recordSignatureFailure(t.db, {
        mode: 'test',
        reason: 'forged_repeat',
        remoteAddress: '2001:db8:1:2::/64',
        receivedAt: at(1 + (i % 50)),
      });
    }
    await recordSignatureFailure(t.db, {
      mode: 'test',
      reason: 'forged_repeat',
      remoteAddress: '2001:db8:1:2::/64',
      receivedAt: at(61),
    });
    const rows = await t.db
      .selectFrom('webhook_signature_failures')
      .select(['reason', 'remote_address', 'count'])
      .where('received_at', '>=', at(0))
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      { reason: 'bad_signature', remote_address: '198.51.100.9', count: 1 },
      { reason: 'forged_repeat', remote_address: '2001:db8:1:2::/64', count: 1100 },
      { reason: 'forged_repeat', remote_address: '2001:db8:1:2::/64', count: 1 },
    ]);
    const seen = await findSignatureFailures(t.db, { limit: 2, since: at(0) });
    expect(seen.count).toBe(1102);
    expect(seen.recent.map((r) => [r.count, r.received_at])).toEqual([
      [1, at(61)],
      [1100, at(50)],
    ]);
  });
});
