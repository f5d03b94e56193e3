/**
 * Signs webhook payloads exactly as Stripe does: `Stripe-Signature: t=<unix>,v1=<hex>` where the
 * signature is HMAC-SHA256 of `${t}.${payload}` keyed with the endpoint's whole `whsec_` secret.
 */
import { createHmac } from 'node:crypto';

export function computeSignature(payload: string, secret: string, timestamp: number): string {
  return createHmac('sha256', secret).update(`${timestamp}.${payload}`, 'utf8').digest('hex');
}

/** The `Stripe-Signature` header for `payload`, signed at `timestamp` (now unless given). */
export function signWebhookPayload(
  payload: string,
  secret: string,
  timestamp: number = Math.floor(Date.now() / 1000),
): string {
  return `t=${timestamp},v1=${computeSignature(payload, secret, timestamp)}`;
}
