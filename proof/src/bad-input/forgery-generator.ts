// The seeded stream of forged webhook requests: kinds in turn (so every kind gets its share of
// any count), a variant and a base event picked by the seed. Each is built when it is taken, so
// its "right" timestamps are fresh when it is sent.
import {
  FORGERY_KINDS,
  type ForgedRequest,
  type ForgeryContext,
  type RefusalReason,
} from './forgery-kinds.js';
import { seededRandom } from '../support/seeded-random.js';

export interface Forgery extends ForgedRequest {
  kind: string;
  variant: string;
  /** The refusal the API must record, or null when the route refuses it before its handler. */
  reason: RefusalReason | null;
}

export interface ForgeryOptions {
  seed: number;
  count: number;
  /** Genuine event bodies of one payment; the first (checkout.session.completed) is used most. */
  payloads: readonly string[];
  secret: string;
  apiKeys: ForgeryContext['apiKeys'];
  bodyLimit: number;
}

export function* generateForgeries(options: ForgeryOptions): Generator<Forgery> {
  const rng = seededRandom(options.seed);
  const [main, ...others] = options.payloads;
  if (!main || others.length === 0)
    throw new Error('Forgeries need at least two genuine event bodies');
  for (let i = 0; i < options.count; i++) {
    const kind = FORGERY_KINDS[i % FORGERY_KINDS.length]!;
    const variant = rng.pick(kind.variants);
    const payload = rng.next() < 0.6 ? main : rng.pick(others);
    const otherPayload = payload === main ? rng.pick(others) : main;
    const built = variant.build({
      rng,
      now: Math.floor(Date.now() / 1000),
      payload,
      otherPayload,
      secret: options.secret,
      apiKeys: options.apiKeys,
      bodyLimit: options.bodyLimit,
    });
    yield { ...built, kind: kind.name, variant: variant.name, reason: variant.reason };
  }
}
