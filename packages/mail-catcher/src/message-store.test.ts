import { describe, expect, it } from 'vitest';
import type { CaughtMessage } from './caught-message';
import { MessageStore } from './message-store';

function message(store: MessageStore, subject: string, to = 'patient@example.com'): CaughtMessage {
  return {
    id: store.nextId(),
    messageId: `<${subject}@test>`,
    from: 'bookings@clinicpay.localhost',
    to: [to],
    subject,
    date: null,
    receivedAt: new Date().toISOString(),
    headers: {},
    text: '',
    html: null,
    attachments: [],
    raw: '',
  };
}

describe('MessageStore', () => {
  it('keeps messages oldest first and never reuses an id after clear', () => {
    const store = new MessageStore();
    store.add(message(store, 'first'));
    store.add(message(store, 'second'));
    expect(store.list().map((m) => [m.id, m.subject])).toEqual([
      ['1', 'first'],
      ['2', 'second'],
    ]);
    store.clear();
    expect(store.list()).toEqual([]);
    store.add(message(store, 'third'));
    expect(store.list()[0]?.id).toBe('3');
  });

  it('drops the oldest past its capacity', () => {
    const store = new MessageStore(2);
    for (const subject of ['a', 'b', 'c']) store.add(message(store, subject));
    expect(store.list().map((m) => m.subject)).toEqual(['b', 'c']);
  });

  it('waitFor resolves with a message already there', async () => {
    const store = new MessageStore();
    store.add(message(store, 'already here'));
    await expect(store.waitFor((m) => m.subject === 'already here', 50)).resolves.toMatchObject({
      subject: 'already here',
    });
  });

  it('waitFor resolves as soon as a matching message arrives, not on others', async () => {
    const store = new MessageStore();
    const waiting = store.waitFor((m) => m.to.includes('b@example.com'), 1000);
    store.add(message(store, 'for a', 'a@example.com'));
    setTimeout(() => store.add(message(store, 'for b', 'b@example.com')), 10);
    await expect(waiting).resolves.toMatchObject({ subject: 'for b' });
  });

  it('waitFor rejects after the timeout with a sentence naming what did arrive', async () => {
    const store = new MessageStore();
    store.add(message(store, 'Receipt'));
    const started = Date.now();
    await expect(store.waitFor((m) => m.subject === 'Refund', 60)).rejects.toThrow(
      'No e-mail matching the condition reached the mail catcher within 60 ms; it holds 1 other message (latest: "Receipt" to patient@example.com).',
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
  });

  it('a predicate that throws rejects the wait and does not stop the message being kept', async () => {
    const store = new MessageStore();
    const waiting = store.waitFor(() => {
      throw new Error('bad predicate');
    }, 1000);
    store.add(message(store, 'kept'));
    await expect(waiting).rejects.toThrow('bad predicate');
    expect(store.list()).toHaveLength(1);
  });
});
