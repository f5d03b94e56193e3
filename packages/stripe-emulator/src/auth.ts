/**
 * Authenticates a request the way Stripe does: `Authorization: Bearer <key>` or Basic auth with
 * the key as the user name, then checks a restricted key's rights for the endpoint.
 */
import { StripeApiError } from './errors';
import { maskKey, type Keyring, type ResolvedKey, type Right } from './keys';

function unauthorized(message: string): StripeApiError {
  return new StripeApiError(401, { type: 'invalid_request_error', message });
}

export function keyFromAuthorization(header: string | undefined): string | null {
  if (!header) return null;
  const [scheme = '', value = ''] = header.trim().split(/\s+/, 2);
  if (scheme.toLowerCase() === 'bearer') return value;
  if (scheme.toLowerCase() === 'basic') {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    return decoded.split(':', 1)[0] ?? '';
  }
  return null;
}

/** The key behind a request, or the 401 Stripe answers (no key, unknown key, publishable key). */
export function authenticate(keyring: Keyring, header: string | undefined): ResolvedKey {
  const key = keyFromAuthorization(header);
  if (!key) {
    throw unauthorized(
      'You did not provide an API key. You need to provide your API key in the Authorization ' +
        "header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See " +
        'https://stripe.com/docs/api#authentication for details, or we can help at ' +
        'https://support.stripe.com/.',
    );
  }
  const resolved = keyring.resolve(key);
  if (!resolved && keyring.isExpired(key)) {
    throw new StripeApiError(401, {
      type: 'invalid_request_error',
      code: 'api_key_expired',
      message: `Expired API Key provided: ${maskKey(key)}`,
      doc_url: 'https://stripe.com/docs/error-codes/api-key-expired',
    });
  }
  if (!resolved) throw unauthorized(`Invalid API Key provided: ${maskKey(key)}`);
  if (resolved.kind === 'publishable') {
    throw unauthorized(
      'This API call cannot be made with a publishable API key. Please use a secret API key. ' +
        'You can find a list of your API keys at https://dashboard.stripe.com/account/apikeys.',
    );
  }
  return resolved;
}

/** A restricted key without the right gets Stripe's 403 naming the missing permission. */
export function authorize(key: ResolvedKey, right: Right): void {
  if (key.rights === null || key.rights.has(right)) return;
  throw new StripeApiError(403, {
    type: 'invalid_request_error',
    message:
      `The provided key '${maskKey(key.key)}' does not have the required permissions for this ` +
      `endpoint on account '${key.account}'. Having the 'rak_${right}' permission would ` +
      'allow this request to continue.',
  });
}
