import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { lines, logger: createLogger({ level: 'info', destination }) };
}

describe('logger', () => {
  it('redacts secrets and patient details wherever they sit', () => {
    const { lines, logger } = capture();
    logger.info(
      {
        settings: { secretKey: 'sk_test_leak1234', webhookSecret: 'whsec_leak5678', mode: 'test' },
        booking: { email: 'pat@example.com', phone: '+1 555 0100', reference: 'CP-7K2M' },
        req: {
          headers: { authorization: 'Bearer sk_test_leak1234', cookie: 'session=abc', host: 'x' },
        },
      },
      'saved',
    );
    const line = lines.join('');
    for (const secret of [
      'sk_test_leak1234',
      'whsec_leak5678',
      'pat@example.com',
      '+1 555 0100',
      'session=abc',
    ]) {
      expect(line).not.toContain(secret);
    }
    // What is safe to log stays, so the line is still useful.
    expect(JSON.parse(line)).toMatchObject({
      msg: 'saved',
      settings: { mode: 'test' },
      booking: { reference: 'CP-7K2M' },
    });
  });
});
