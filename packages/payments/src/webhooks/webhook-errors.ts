/** Why a webhook request was refused before anything in it was believed. */
export type WebhookSignatureReason =
  /** No `Stripe-Signature` header: not from Stripe (or stripped by a proxy). */
  | 'missing_header'
  /** Neither mode has a signing secret saved: the admin has not finished the setup. */
  | 'no_secret_configured'
  /** The signature matches no saved secret: forged, altered, or the secret is out of date. */
  | 'bad_signature'
  /** Signed correctly but too long ago (or too far ahead): a replay, or a badly wrong clock. */
  | 'stale_timestamp'
  /** The header or the signed body cannot be read as Stripe's. */
  | 'malformed';

const MESSAGES: Record<WebhookSignatureReason, string> = {
  missing_header: 'The request has no Stripe-Signature header',
  no_secret_configured: 'No webhook signing secret is saved for either mode',
  bad_signature: 'The Stripe-Signature does not match any saved webhook signing secret',
  stale_timestamp: 'The Stripe-Signature timestamp is outside the tolerance',
  malformed: 'The webhook request is not in Stripe’s format',
};

/** Thrown by parseWebhook; the route answers 400 (never echoing the body or a secret). */
export class WebhookSignatureError extends Error {
  constructor(
    readonly reason: WebhookSignatureReason,
    detail?: string,
  ) {
    super(detail ? `${MESSAGES[reason]}: ${detail}` : MESSAGES[reason]);
    this.name = 'WebhookSignatureError';
  }
}
