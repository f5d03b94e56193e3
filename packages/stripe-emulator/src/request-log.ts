/** The last requests the API received, for the control API and the dashboard page. */
export interface LoggedRequest {
  id: string;
  at: number;
  method: string;
  path: string;
  status: number;
  mode: string | null;
  idempotencyKey: string | null;
  replayed: boolean;
  errorCode: string | null;
}

// A ring buffer: a long-running dev emulator must not grow without bound.
export class RequestLog {
  private entries: LoggedRequest[] = [];

  constructor(private readonly capacity = 500) {}

  add(entry: LoggedRequest): void {
    this.entries.push(entry);
    if (this.entries.length > this.capacity)
      this.entries.splice(0, this.entries.length - this.capacity);
  }

  list(): LoggedRequest[] {
    return [...this.entries];
  }

  clear(): void {
    this.entries = [];
  }
}
