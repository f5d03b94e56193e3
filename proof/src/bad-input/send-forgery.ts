import { request as httpRequest } from 'node:http';
import type { ForgedRequest } from './forgery-kinds.js';

export interface SendOutcome {
  /** The HTTP status, or null when no answer came. */
  status: number | null;
  failure: string | null;
}

const CHUNK = 64 * 1024;

/** POSTs one forged request to the webhook URL, as it is: headers, body, chunked or not. */
export async function sendForgery(url: string, forged: ForgedRequest): Promise<SendOutcome> {
  if (forged.chunked) return sendChunked(url, forged);
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: forged.headers,
      body: forged.body,
      signal: AbortSignal.timeout(30_000),
    });
    await response.arrayBuffer();
    return { status: response.status, failure: null };
  } catch (error) {
    return { status: null, failure: describe(error) };
  }
}

/**
 * Streams the body without Content-Length. A server refusing it mid-stream answers and closes the
 * connection while the body is still being written, which fetch reports as a failed write and
 * nothing else; node:http hands over the answer that came, whatever the write ran into after it.
 */
function sendChunked(url: string, forged: ForgedRequest): Promise<SendOutcome> {
  return new Promise((resolve) => {
    let writeError: unknown;
    const req = httpRequest(
      url,
      { method: 'POST', headers: forged.headers, timeout: 30_000 },
      (response) => {
        response.resume();
        response.once('end', () => resolve({ status: response.statusCode ?? null, failure: null }));
        response.once('error', () =>
          resolve({ status: response.statusCode ?? null, failure: null }),
        );
      },
    );
    req.once('timeout', () => req.destroy(new Error('timed out after 30 s')));
    req.once('error', (error) => {
      writeError = error;
      // No answer arrives after the socket is gone; give the parser a moment for one already read.
      setTimeout(() => resolve({ status: null, failure: describe(writeError) }), 200);
    });
    let offset = 0;
    const writeMore = () => {
      while (offset < forged.body.length) {
        const chunk = forged.body.subarray(offset, offset + CHUNK);
        offset += CHUNK;
        if (!req.write(chunk)) return void req.once('drain', writeMore);
      }
      req.end();
    };
    writeMore();
  });
}

function describe(error: unknown): string {
  const cause =
    error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return error instanceof Error ? `${error.message}${cause}` : String(error);
}
