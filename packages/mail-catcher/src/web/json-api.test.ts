import { describe, expect, it } from 'vitest';
import type { CaughtMessage } from '../caught-message';
import { bookingMail, getJson, send, startTestCatcher } from '../test/helpers';
import type { ListedMessage } from './json-api';

describe('the JSON API', () => {
  it('filters by recipient whatever the case, oldest first', async () => {
    const catcher = await startTestCatcher();
    await send(catcher, bookingMail({ to: 'ada@example.com', subject: 'one' }));
    await send(catcher, bookingMail({ to: 'grace@example.com', subject: 'two' }));
    await send(catcher, bookingMail({ to: 'ADA@example.com', subject: 'three' }));

    const forAda = await getJson<ListedMessage[]>(catcher, '/api/messages?to=Ada%40Example.com');
    expect(forAda.map((m) => m.subject)).toEqual(['one', 'three']);
    const all = await getJson<ListedMessage[]>(catcher, '/api/messages');
    expect(all.map((m) => m.subject)).toEqual(['one', 'two', 'three']);
  });

  it('answers one message with its raw source, and 404 with a sentence for an unknown id', async () => {
    const catcher = await startTestCatcher();
    await send(catcher, bookingMail({ messageId: '<one@clinicpay.localhost>' }));
    const one = await getJson<CaughtMessage>(catcher, '/api/messages/1');
    expect(one).toMatchObject({ id: '1', messageId: '<one@clinicpay.localhost>' });
    expect(one.raw).toContain('Message-ID: <one@clinicpay.localhost>');

    const missing = await fetch(`${catcher.url}/api/messages/99`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({
      error: 'No message with id 99; it may have been cleared.',
    });
  });

  it('DELETE /api/messages clears the catcher', async () => {
    const catcher = await startTestCatcher();
    await send(catcher);
    const response = await fetch(`${catcher.url}/api/messages`, { method: 'DELETE' });
    expect(response.status).toBe(204);
    expect(catcher.messages()).toEqual([]);
    expect(await getJson(catcher, '/api/messages')).toEqual([]);
  });
});
