import { afterAll, describe, expect, it } from 'vitest';
import type { MailMessage } from './message.js';
import { createRenderPool, renderWorkerFromSource } from './render-pool.js';
import { renderMail } from './render.js';
import { ALL_SAMPLES, SAMPLES } from './test/sample-messages.js';

const NOW = new Date('2026-12-01T00:00:00Z');
// The worker is this package's TypeScript: it loads through tsx, as the API's does from source.
const WORKER = renderWorkerFromSource(import.meta.resolve('tsx/esm/api'));

describe('createRenderPool', () => {
  const pool = createRenderPool({ worker: WORKER, size: 2 });
  afterAll(() => pool.close());

  it('renders every kind to the same bytes as renderMail in this thread', async () => {
    // Three of each at once, so both workers hold a queue and answers come back out of order.
    const messages = [...ALL_SAMPLES, ...ALL_SAMPLES, ...ALL_SAMPLES];
    const pooled = await Promise.all(messages.map((m) => pool.render(m, { now: NOW })));
    for (const [i, message] of messages.entries()) {
      expect(pooled[i]).toEqual(await renderMail(message, { now: NOW }));
    }
    // The calendar file is in the comparison: it is not an empty list everywhere.
    expect(pooled.some((mail) => mail.attachments.length > 0)).toBe(true);
  }, 60_000);

  it('fails a message that cannot be rendered, and goes on rendering the others', async () => {
    const broken = { ...SAMPLES.booking_confirmed, kind: 'no_such_kind' } as unknown as MailMessage;
    const [bad, good] = await Promise.allSettled([
      pool.render(broken, { now: NOW }),
      pool.render(SAMPLES.booking_confirmed, { now: NOW }),
    ]);
    expect(bad.status).toBe('rejected');
    expect(good).toEqual({
      status: 'fulfilled',
      value: await renderMail(SAMPLES.booking_confirmed, { now: NOW }),
    });
  }, 60_000);
});

it('fails what a worker held when it dies, and starts another for the next message', async () => {
  const dying = new URL('data:text/javascript,process.exit(3)');
  const pool = createRenderPool({ worker: dying });
  try {
    await expect(pool.render(SAMPLES.test_message)).rejects.toThrow('exited (3)');
    await expect(pool.render(SAMPLES.test_message)).rejects.toThrow('exited (3)');
  } finally {
    await pool.close();
  }
});

it('refuses to render once closed', async () => {
  const pool = createRenderPool({ worker: WORKER });
  await pool.close();
  await expect(pool.render(SAMPLES.test_message)).rejects.toThrow('closed');
});
