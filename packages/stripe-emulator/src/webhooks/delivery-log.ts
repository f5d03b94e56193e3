/** Every delivery and its attempts, newest last, capped so a long-running emulator stays small. */
import type { Delivery } from './endpoints';

export class DeliveryLog {
  private entries: Delivery[] = [];

  constructor(private readonly capacity = 5000) {}

  add(delivery: Delivery): void {
    this.entries.push(delivery);
    if (this.entries.length > this.capacity)
      this.entries.splice(0, this.entries.length - this.capacity);
  }

  list(filter: { endpointId?: string; eventId?: string } = {}): Delivery[] {
    return this.entries
      .filter(
        (d) =>
          (!filter.endpointId || d.endpointId === filter.endpointId) &&
          (!filter.eventId || d.eventId === filter.eventId),
      )
      .map((d) => ({ ...d, attempts: [...d.attempts] }));
  }

  clear(): void {
    this.entries = [];
  }
}
