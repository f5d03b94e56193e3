import { Readable, Transform } from 'node:stream';
import type { FastifyInstance } from 'fastify';

/**
 * A test-suite guard that keeps secrets write-only: every response, over HTTP or from an
 * in-process caller, is scanned for anything shaped like a Stripe secret key, restricted key or
 * webhook signing secret. Masked forms (`sk_test_…4242`) do not match: the ellipsis breaks them.
 */
const SECRET_SHAPE = /\b(?:sk|rk)_(?:test|live)_[A-Za-z0-9]{8,}|\bwhsec_[A-Za-z0-9+/=]{8,}/g;

export type LeakReport = (where: string, found: string[]) => void;

/** What in the text looks like a secret, shown by prefix only (the report must not leak either). */
export function secretsIn(text: string): string[] {
  return [...text.matchAll(SECRET_SHAPE)].map(
    (m) => `${m[0].slice(0, m[0].indexOf('_', 3) + 1)}… (${m[0].length} chars)`,
  );
}

export function guardServerResponses(server: FastifyInstance, report: LeakReport): void {
  server.addHook('onSend', async (request, reply, payload) => {
    const where = `${request.method} ${request.url.split('?')[0]}`;
    if (payload instanceof Readable) return payload.pipe(scanningStream(where, report));
    const text =
      typeof payload === 'string'
        ? payload
        : Buffer.isBuffer(payload)
          ? payload.toString('utf8')
          : '';
    const found = secretsIn(text);
    if (found.length === 0) return payload;
    report(where, found);
    void reply.code(500);
    return JSON.stringify({ error: 'A secret was about to be sent in this response.' });
  });
}

/** Streams are scanned as they pass, keeping a tail so a secret split across chunks is seen. */
function scanningStream(where: string, report: LeakReport): Transform {
  let tail = '';
  return new Transform({
    transform(chunk: Buffer | string, _encoding, done) {
      const text = tail + chunk.toString();
      const found = secretsIn(text);
      if (found.length > 0) report(where, found);
      tail = text.slice(-200);
      done(null, chunk);
    },
  });
}

/** Wraps a tRPC caller so each procedure's result is scanned too. */
export function guardCaller<T extends object>(
  caller: T,
  report: LeakReport,
  path: string[] = [],
): T {
  return new Proxy(caller, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (
        typeof key !== 'string' ||
        (typeof value !== 'function' && (typeof value !== 'object' || value === null))
      )
        return value;
      return guardCaller(value, report, [...path, key]);
    },
    apply(target, thisArg, args) {
      const result: unknown = Reflect.apply(target as (...a: unknown[]) => unknown, thisArg, args);
      if (!(result instanceof Promise)) return result;
      return result.then((value: unknown) => {
        const found = secretsIn(JSON.stringify(value) ?? '');
        if (found.length > 0) report(path.join('.'), found);
        return value;
      });
    },
  });
}
