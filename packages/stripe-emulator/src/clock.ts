/**
 * The emulator's clock, in Stripe's unit (seconds). It follows real time plus an offset that
 * tests move (`advance`), or stands still when frozen, so expiry can be tested without waiting.
 */
export interface ClockOptions {
  /** Start frozen at this Unix time (seconds); time then moves only when advanced. */
  frozenAt?: number;
}

type Listener = (now: number) => void;

export class Clock {
  private offsetMs = 0;
  private frozenMs: number | null;
  private readonly listeners = new Set<Listener>();

  constructor(options: ClockOptions = {}) {
    this.frozenMs = options.frozenAt === undefined ? null : options.frozenAt * 1000;
  }

  nowMs(): number {
    return this.frozenMs ?? Date.now() + this.offsetMs;
  }

  /** Unix time in seconds, as in every Stripe timestamp. */
  now(): number {
    return Math.floor(this.nowMs() / 1000);
  }

  get frozen(): boolean {
    return this.frozenMs !== null;
  }

  advance(seconds: number): number {
    if (!Number.isFinite(seconds) || seconds < 0)
      throw new RangeError('advance takes seconds >= 0');
    if (this.frozenMs !== null) this.frozenMs += seconds * 1000;
    else this.offsetMs += seconds * 1000;
    return this.tick();
  }

  /** Jumps to a Unix time (seconds); the clock never goes back, as Stripe's never does. */
  set(unixSeconds: number): number {
    const delta = unixSeconds * 1000 - this.nowMs();
    if (delta < 0) throw new RangeError('The clock cannot go back');
    return this.advance(delta / 1000);
  }

  freeze(): void {
    this.frozenMs = this.nowMs();
  }

  unfreeze(): void {
    if (this.frozenMs === null) return;
    this.offsetMs = this.frozenMs - Date.now();
    this.frozenMs = null;
  }

  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private tick(): number {
    const now = this.now();
    for (const listener of this.listeners) listener(now);
    return now;
  }
}
