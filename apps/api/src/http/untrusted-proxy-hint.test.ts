import type { FastifyBaseLogger } from 'fastify';
import { describe, expect, it } from 'vitest';
import { isPrivateAddress, untrustedProxyHint } from './untrusted-proxy-hint.js';

function recorder() {
  const warnings: string[] = [];
  const logger = { warn: (_: object, message: string) => warnings.push(message) };
  return { warnings, logger: logger as unknown as FastifyBaseLogger };
}
const request = (sender: string, ip: string, forwarded?: string) => ({
  ip,
  socket: { remoteAddress: sender },
  headers: forwarded === undefined ? {} : { 'x-forwarded-for': forwarded },
});

describe('the hint about an untrusted proxy', () => {
  it('says once how to set TRUST_PROXY when a private sender forwards an address we ignore', () => {
    const { warnings, logger } = recorder();
    const hint = untrustedProxyHint(logger);
    hint(request('10.1.2.3', '10.1.2.3', '203.0.113.7'));
    hint(request('10.1.2.4', '10.1.2.4', '203.0.113.8'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('set TRUST_PROXY=10.1.2.3');
  });

  it('stays quiet for trusted proxies, public senders and requests without the header', () => {
    const { warnings, logger } = recorder();
    const hint = untrustedProxyHint(logger);
    hint(request('10.1.2.3', '203.0.113.7', '203.0.113.7')); // trusted: the header was used
    hint(request('198.51.100.1', '198.51.100.1', '203.0.113.7')); // a public sender
    hint(request('10.1.2.3', '10.1.2.3')); // no header
    expect(warnings).toEqual([]);
  });

  it('knows the private ranges, IPv4-mapped IPv6 included', () => {
    for (const a of ['127.0.0.1', '10.0.0.1', '172.20.0.1', '192.168.1.1', '::1', 'fd00::1'])
      expect([a, isPrivateAddress(a)]).toEqual([a, true]);
    expect(isPrivateAddress('::ffff:172.17.0.2')).toBe(true);
    for (const a of ['203.0.113.7', '2001:db8::1', '172.32.0.1', 'nonsense'])
      expect([a, isPrivateAddress(a)]).toEqual([a, false]);
  });
});
