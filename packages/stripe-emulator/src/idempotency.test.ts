import { describe, expect, it } from 'vitest';
import { fingerprint, IdempotencyStore } from './idempotency';

describe('idempotency', () => {
  it('fingerprints parameters regardless of their order', () => {
    expect(fingerprint('POST', '/v1/refunds', { a: '1', b: { c: '2', d: '3' } })).toBe(
      fingerprint('POST', '/v1/refunds', { b: { d: '3', c: '2' }, a: '1' }),
    );
    expect(fingerprint('POST', '/v1/refunds', { a: '1' })).not.toBe(
      fingerprint('POST', '/v1/charges', { a: '1' }),
    );
  });

  it('keeps keys per mode and forgets them after 24 hours', () => {
    const store = new IdempotencyStore();
    const entry = { fingerprint: 'f', status: 200, body: '{}', requestId: 'req_1', storedAtMs: 0 };
    store.set('test', 'k', entry);
    expect(store.get('test', 'k', 1000)).toEqual(entry);
    expect(store.get('live', 'k', 1000)).toBeUndefined();
    expect(store.get('test', 'k', 24 * 3600 * 1000 + 1)).toBeUndefined();
  });
});
