/**
 * API keys: which are accepted, which mode each belongs to, and what a restricted key may do.
 * The key's prefix decides its mode, as at Stripe: `sk_test_`/`pk_test_`/`rk_test_` are test
 * mode, `sk_live_`/`pk_live_`/`rk_live_` live mode.
 */
import { DEMO_KEYS } from '@clinicpay/demo';
import { randomAlnum } from './ids';

export type Mode = 'test' | 'live';
export type KeyKind = 'secret' | 'publishable' | 'restricted';

/** Restricted-key rights, named as Stripe names them without the `rak_` prefix. */
export const RIGHTS: ReadonlySet<string> = new Set([
  'checkout_session_read',
  'checkout_session_write',
  'payment_intent_read',
  'payment_intent_write',
  'charge_read',
  'charge_write',
  'refund_read',
  'refund_write',
  'dispute_read',
  'dispute_write',
  'event_read',
]);

export type Right =
  | 'checkout_session_read'
  | 'checkout_session_write'
  | 'payment_intent_read'
  | 'payment_intent_write'
  | 'charge_read'
  | 'charge_write'
  | 'refund_read'
  | 'refund_write'
  | 'dispute_read'
  | 'dispute_write'
  | 'event_read';

export interface ApiKeyConfig {
  key: string;
  /** For `rk_` keys only: what the key may do (a `_write` right includes its `_read`). */
  rights?: readonly Right[];
}

export interface ResolvedKey {
  key: string;
  kind: KeyKind;
  mode: Mode;
  /** The account the key belongs to; objects it creates belong to that account. */
  account: string;
  /** null for a secret key, which may do anything. */
  rights: ReadonlySet<Right> | null;
}

// The demo keys are the project's public demo values; the emulator accepts them by default.
export { DEMO_KEYS };

/** The account of the demo keys and of every key given in the `keys` option. */
export const DEFAULT_ACCOUNT_ID = 'acct_1ClinicpayEmulator';

export interface CreatedAccount {
  accountId: string;
  secretKey: string;
  publishableKey: string;
}

const SHAPE = /^(sk|pk|rk)_(test|live)_[A-Za-z0-9]+$/;
const KINDS = { sk: 'secret', pk: 'publishable', rk: 'restricted' } as const;

export function keyShape(key: string): { kind: KeyKind; mode: Mode } | null {
  const match = SHAPE.exec(key);
  if (!match) return null;
  return { kind: KINDS[match[1] as keyof typeof KINDS], mode: match[2] as Mode };
}

/**
 * A fresh random key of the given kind and mode, made at run time. Live-shaped keys exist only
 * this way: a committed string shaped like a live key looks like a leaked one.
 */
export function generateApiKey(kind: 'sk' | 'pk' | 'rk', mode: Mode): string {
  return `${kind}_${mode}_51${randomAlnum(96)}`;
}

/** Stripe's masking in error messages: the prefix, asterisks, and the last four characters. */
export function maskKey(key: string): string {
  const prefix = /^[a-z]+_(?:test|live)_/.exec(key)?.[0] ?? '';
  const visible = key.slice(-4);
  const hidden = Math.max(key.length - prefix.length - 4, 0);
  return `${prefix}${'*'.repeat(hidden)}${visible}`;
}

function withImpliedReads(rights: readonly Right[]): Set<Right> {
  const set = new Set(rights);
  for (const right of rights) {
    if (right.endsWith('_write')) set.add(right.replace(/_write$/, '_read') as Right);
  }
  return set;
}

export class Keyring {
  private readonly keys = new Map<string, ResolvedKey>();
  // Rolled keys: Stripe answers them "Expired API Key provided", not "Invalid".
  private readonly expired = new Set<string>();
  private readonly accounts = new Map<string, { mode: Mode }>([
    [DEFAULT_ACCOUNT_ID, { mode: 'test' }],
  ]);

  constructor(configs: readonly (ApiKeyConfig | string)[]) {
    for (const config of configs) this.add(typeof config === 'string' ? { key: config } : config);
  }

  add({ key, rights }: ApiKeyConfig, account: string = DEFAULT_ACCOUNT_ID): ResolvedKey {
    const shape = keyShape(key);
    if (!shape) throw new Error(`Not a Stripe API key: ${maskKey(key)}`);
    const resolved: ResolvedKey = {
      key,
      ...shape,
      account,
      rights: shape.kind === 'restricted' ? withImpliedReads(rights ?? []) : null,
    };
    this.keys.set(key, resolved);
    return resolved;
  }

  resolve(key: string): ResolvedKey | undefined {
    return this.keys.get(key);
  }

  isExpired(key: string): boolean {
    return this.expired.has(key);
  }

  list(): ResolvedKey[] {
    return [...this.keys.values()];
  }

  hasAccount(accountId: string): boolean {
    return this.accounts.has(accountId);
  }

  /** A new account with a secret and a publishable key of `mode`, made at run time. */
  createAccount(mode: Mode = 'test'): CreatedAccount {
    const accountId = `acct_1${randomAlnum(15)}`;
    this.accounts.set(accountId, { mode });
    const secretKey = this.add({ key: generateApiKey('sk', mode) }, accountId).key;
    const publishableKey = this.add({ key: generateApiKey('pk', mode) }, accountId).key;
    return { accountId, secretKey, publishableKey };
  }

  /** A restricted key of the account, in the account's mode unless `mode` says otherwise. */
  createRestrictedKey(accountId: string, rights: readonly Right[], mode?: Mode): string {
    const account = this.accounts.get(accountId);
    if (!account) throw new KeyringError('account', `No such account: '${accountId}'`);
    for (const right of rights) {
      if (!RIGHTS.has(right)) throw new KeyringError('right', `Unknown right: ${String(right)}`);
    }
    return this.add({ key: generateApiKey('rk', mode ?? account.mode), rights }, accountId).key;
  }

  /** A replacement with the same account, mode and rights; the old key then answers "expired". */
  roll(key: string): string {
    const old = this.known(key);
    const prefix = old.kind === 'secret' ? 'sk' : old.kind === 'publishable' ? 'pk' : 'rk';
    const next = this.add(
      { key: generateApiKey(prefix, old.mode), ...(old.rights ? { rights: [...old.rights] } : {}) },
      old.account,
    );
    this.keys.delete(key);
    this.expired.add(key);
    return next.key;
  }

  /** Deletes a key: Stripe then answers it as an invalid key. */
  revoke(key: string): void {
    this.known(key);
    this.keys.delete(key);
  }

  private known(key: string): ResolvedKey {
    const found = this.keys.get(key);
    if (!found) throw new KeyringError('key', `No such API key: ${maskKey(key)}`);
    return found;
  }
}

/** A control call about keys or accounts that names one the emulator does not have. */
export class KeyringError extends Error {
  constructor(
    readonly about: 'account' | 'key' | 'right',
    message: string,
  ) {
    super(message);
    this.name = 'KeyringError';
  }
}

export function defaultKeys(): ApiKeyConfig[] {
  return [{ key: DEMO_KEYS.secretKey }, { key: DEMO_KEYS.publishableKey }];
}
