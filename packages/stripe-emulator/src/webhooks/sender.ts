/** One delivery attempt: POST the signed event, and report the status or what went wrong. */
import { signWebhookPayload } from './signer';

export interface SendResult {
  status: number | null;
  error: string | null;
  durationMs: number;
}

export async function sendSigned(
  url: string,
  payload: string,
  secret: string,
  timestamp: number,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<SendResult> {
  const started = performance.now();
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json; charset=utf-8',
        'User-Agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
        'Stripe-Signature': signWebhookPayload(payload, secret, timestamp),
      },
      body: payload,
      signal: AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]),
    });
    // Read the body so the connection can be reused; Stripe ignores what it says.
    await response.arrayBuffer().catch(() => undefined);
    return { status: response.status, error: null, durationMs: performance.now() - started };
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    const message =
      name === 'TimeoutError'
        ? `timed out after ${timeoutMs} ms`
        : error instanceof Error
          ? error.message
          : String(error);
    return { status: null, error: message, durationMs: performance.now() - started };
  }
}
