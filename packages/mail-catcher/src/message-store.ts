/** The caught messages in memory, oldest first, and the waiters that want the next match. */
import type { CaughtMessage } from './caught-message';

type Predicate = (message: CaughtMessage) => boolean;

export class MessageStore {
  #messages: CaughtMessage[] = [];
  #nextId = 1;
  readonly #waiters = new Set<(message: CaughtMessage) => boolean>();

  /** A long `npm start` session must not grow without bound: past this, the oldest go. */
  constructor(private readonly capacity = 5000) {}

  nextId(): string {
    return String(this.#nextId++);
  }

  add(message: CaughtMessage): void {
    this.#messages.push(message);
    if (this.#messages.length > this.capacity) this.#messages.shift();
    for (const waiter of [...this.#waiters]) waiter(message);
  }

  list(): CaughtMessage[] {
    return [...this.#messages];
  }

  get(id: string): CaughtMessage | undefined {
    return this.#messages.find((message) => message.id === id);
  }

  clear(): void {
    this.#messages = [];
  }

  waitFor(predicate: Predicate, timeoutMs = 10_000): Promise<CaughtMessage> {
    return new Promise((resolve, reject) => {
      // A predicate that throws rejects the wait rather than breaking the SMTP side's `add`.
      const settle = (message: CaughtMessage): boolean => {
        try {
          if (!predicate(message)) return false;
          resolve(message);
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
        this.#waiters.delete(settle);
        clearTimeout(timer);
        return true;
      };
      const timer = setTimeout(() => {
        this.#waiters.delete(settle);
        reject(new Error(this.#timeoutSentence(timeoutMs)));
      }, timeoutMs);
      this.#waiters.add(settle);
      for (const message of this.#messages) if (settle(message)) return;
    });
  }

  // Says what did arrive, since "timed out" alone sends the reader to the logs.
  #timeoutSentence(timeoutMs: number): string {
    const held = this.#messages.slice(-5).map((m) => `"${m.subject}" to ${m.to.join(', ')}`);
    const count = this.#messages.length;
    const summary =
      count === 0
        ? 'none has arrived at all'
        : `it holds ${count} other message${count === 1 ? '' : 's'} (latest: ${held.join('; ')})`;
    return `No e-mail matching the condition reached the mail catcher within ${timeoutMs} ms; ${summary}.`;
  }
}
