/**
 * Stripe's idempotency rules. A repeated key with the same endpoint and parameters replays the
 * first response, errors included; the same key with anything else is an `idempotency_error`.
 * Keys are scoped per account and mode (the caller's `scope`), and Stripe prunes them after 24 hours.
 */

export interface StoredResponse {
  fingerprint: string;
  status: number;
  body: string;
  requestId: string;
  storedAtMs: number;
}

const TTL_MS = 24 * 3600 * 1000;
export const MAX_KEY_LENGTH = 255;

function canonical(value: unknown): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const entries = Object.keys(value)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`);
  return `{${entries.join(',')}}`;
}

/** What must match for a replay: the endpoint and the parameters (in any order). */
export function fingerprint(method: string, path: string, params: unknown): string {
  return `${method} ${path} ${canonical(params)}`;
}

export class IdempotencyStore {
  private entries = new Map<string, StoredResponse>();

  get(scope: string, key: string, nowMs: number): StoredResponse | undefined {
    const entry = this.entries.get(`${scope}:${key}`);
    if (entry && nowMs - entry.storedAtMs > TTL_MS) {
      this.entries.delete(`${scope}:${key}`);
      return undefined;
    }
    return entry;
  }

  set(scope: string, key: string, response: StoredResponse): void {
    this.entries.set(`${scope}:${key}`, response);
  }

  /** Drops keys older than 24 hours (by the emulator's clock). */
  prune(nowMs: number): void {
    for (const [key, entry] of this.entries) {
      if (nowMs - entry.storedAtMs > TTL_MS) this.entries.delete(key);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries = new Map();
  }
}
