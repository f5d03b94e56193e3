import { BlockList, isIP } from 'node:net';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';

/** Loopback, link-local and private ranges: where a reverse proxy beside the API would sit. */
const PRIVATE = new BlockList();
PRIVATE.addSubnet('127.0.0.0', 8, 'ipv4');
PRIVATE.addSubnet('10.0.0.0', 8, 'ipv4');
PRIVATE.addSubnet('172.16.0.0', 12, 'ipv4');
PRIVATE.addSubnet('192.168.0.0', 16, 'ipv4');
PRIVATE.addSubnet('169.254.0.0', 16, 'ipv4');
PRIVATE.addSubnet('100.64.0.0', 10, 'ipv4');
PRIVATE.addAddress('::1', 'ipv6');
PRIVATE.addSubnet('fc00::', 7, 'ipv6');
PRIVATE.addSubnet('fe80::', 10, 'ipv6');

export function isPrivateAddress(address: string): boolean {
  const plain = address.replace(/^::ffff:(?=\d+\.)/i, '');
  const version = isIP(plain);
  return version !== 0 && PRIVATE.check(plain, version === 4 ? 'ipv4' : 'ipv6');
}

/**
 * Returns a check to run on each request: the first time a request carries X-Forwarded-For from a
 * private address whose header was not trusted (its sender is the address the API counts), it
 * logs how to set TRUST_PROXY. Without it, a proxy nobody named makes every patient behind it
 * one address, and they share one rate limit.
 */
export function untrustedProxyHint(logger: FastifyBaseLogger) {
  let told = false;
  return (request: {
    ip: string;
    socket: { remoteAddress?: string | undefined };
    headers: Record<string, unknown>;
  }) => {
    if (told || request.headers['x-forwarded-for'] === undefined) return;
    const sender = request.socket.remoteAddress;
    if (!sender || request.ip !== sender || !isPrivateAddress(sender)) return;
    told = true;
    logger.warn(
      { proxy: sender },
      `A request came through a proxy at ${sender} with X-Forwarded-For, which is ignored: every client behind it counts as one address for the rate limits. If that proxy is yours, set TRUST_PROXY=${sender} (or its range, e.g. 10.0.0.0/8); see docs/production.md.`,
    );
  };
}

export function registerUntrustedProxyHint(server: FastifyInstance): void {
  const hint = untrustedProxyHint(server.log);
  server.addHook('onRequest', (request, _reply, done) => {
    hint(request);
    done();
  });
}
