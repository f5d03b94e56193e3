/** The last requests the API received, for the control API, the dashboard page and tests. */
import type { FormObject } from './form-decode';

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
  /**
   * What was sent, form-decoded: the body of a POST, the query of a GET or DELETE. Null when it
   * could not be decoded. Lets a test assert what the product sent to Stripe (and what it never did).
   */
  params: FormObject | null;
}

export interface RequestLogLimits {
  /** At most this many requests are kept; default 500. */
  capacity?: number;
  /** And at most this many bytes of raw parameters among them; default 8 MB. */
  maxParamBytes?: number;
}

// A ring buffer bound both by count and by parameter size: a long-running dev emulator must not
// grow without bound, and 500 requests of 1 MB each would be half a gigabyte.
export class RequestLog {
  private entries: { entry: LoggedRequest; bytes: number }[] = [];
  private bytes = 0;
  private readonly capacity: number;
  private readonly maxParamBytes: number;

  constructor(limits: RequestLogLimits = {}) {
    this.capacity = limits.capacity ?? 500;
    this.maxParamBytes = limits.maxParamBytes ?? 8 * 1024 * 1024;
  }

  /** `paramBytes`: the size of the raw text the params came from (cheaper than measuring them). */
  add(entry: LoggedRequest, paramBytes = 0): void {
    this.entries.push({ entry, bytes: paramBytes });
    this.bytes += paramBytes;
    let drop = 0;
    let bytes = this.bytes;
    while (
      this.entries.length - drop > 1 &&
      (this.entries.length - drop > this.capacity || bytes > this.maxParamBytes)
    ) {
      bytes -= this.entries[drop]?.bytes ?? 0;
      drop++;
    }
    if (drop > 0) this.entries.splice(0, drop);
    this.bytes = bytes;
  }

  list(): LoggedRequest[] {
    return this.entries.map((e) => e.entry);
  }

  clear(): void {
    this.entries = [];
    this.bytes = 0;
  }
}
