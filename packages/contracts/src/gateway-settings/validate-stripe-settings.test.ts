import { describe, expect, it } from 'vitest';
import { SaveStripeSettingsInput } from './save-stripe-settings-input';
import {
  NOTHING_STORED,
  validateStripeSettings,
  type StoredStripeSettings,
} from './validate-stripe-settings';

// Live-shaped keys are built at run time: a committed live-looking string reads as a leak.
const body = (seed: string) => `${seed}${'0123456789abcdefghij'.repeat(2)}`;
const key = (kind: 'sk' | 'rk' | 'pk', mode: 'test' | 'live') => `${kind}_${mode}_${body('K')}`;
const WHSEC = `whsec_${body('W')}`;

const TEST_KEYS = {
  secretKey: key('sk', 'test'),
  publishableKey: key('pk', 'test'),
  webhookSigningSecret: WHSEC,
};
const LIVE_KEYS = {
  secretKey: key('sk', 'live'),
  publishableKey: key('pk', 'live'),
  webhookSigningSecret: WHSEC,
};

const STORED_TEST: StoredStripeSettings = {
  ...NOTHING_STORED,
  test: { hasSecretKey: true, hasWebhookSecret: true, publishableKey: key('pk', 'test') },
};

function input(overrides: Partial<Record<string, unknown>> = {}) {
  return SaveStripeSettingsInput.parse({
    enabled: true,
    mode: 'test',
    currency: 'usd',
    failurePolicy: 'cancel',
    ...overrides,
  });
}

const codes = (problems: { code: string }[]) => problems.map((p) => p.code);

describe('validateStripeSettings: accepted settings', () => {
  it('accepts a full test key set in Sandbox and a full live key set in Live', () => {
    expect(validateStripeSettings(input(TEST_KEYS), NOTHING_STORED)).toEqual([]);
    expect(validateStripeSettings(input({ ...LIVE_KEYS, mode: 'live' }), NOTHING_STORED)).toEqual(
      [],
    );
  });

  it('accepts a restricted key of the mode as the secret key', () => {
    expect(
      validateStripeSettings(input({ ...TEST_KEYS, secretKey: key('rk', 'test') }), NOTHING_STORED),
    ).toEqual([]);
  });

  it('keeps stored credentials when the fields are left blank', () => {
    const blank = input({ secretKey: '', publishableKey: '  ', webhookSigningSecret: undefined });
    expect(blank.secretKey).toBeUndefined();
    expect(validateStripeSettings(blank, STORED_TEST)).toEqual([]);
  });

  it('lets Stripe be disabled with nothing stored', () => {
    expect(validateStripeSettings(input({ enabled: false }), NOTHING_STORED)).toEqual([]);
  });
});

describe('validateStripeSettings: the selected mode needs its own key set', () => {
  it('requires every credential of the mode when enabling with nothing stored', () => {
    const problems = validateStripeSettings(input(), NOTHING_STORED);
    expect(problems.map((p) => [p.code, p.field])).toEqual([
      ['secret_key_required', 'secretKey'],
      ['publishable_key_required', 'publishableKey'],
      ['webhook_signing_secret_required', 'webhookSigningSecret'],
    ]);
    expect(problems[0]?.message).toContain('sk_test_');
  });

  it("does not count the other mode's stored keys (switching to Live with only test keys)", () => {
    expect(codes(validateStripeSettings(input({ mode: 'live' }), STORED_TEST))).toEqual([
      'secret_key_required',
      'publishable_key_required',
      'webhook_signing_secret_required',
    ]);
  });
});

describe('validateStripeSettings: key kinds and modes', () => {
  it('refuses a live secret key in Sandbox, with a sentence that says what to do', () => {
    const [problem, ...rest] = validateStripeSettings(
      input({ ...TEST_KEYS, secretKey: key('sk', 'live') }),
      NOTHING_STORED,
    );
    expect(rest).toEqual([]);
    expect(problem).toEqual({
      code: 'secret_key_wrong_mode',
      field: 'secretKey',
      message:
        'This is a live key (sk_live_…) but Mode is Sandbox (Test). Use a key starting with sk_test_, or switch Mode to Live.',
    });
  });

  it('refuses a test secret key in Live', () => {
    const problems = validateStripeSettings(
      input({ ...LIVE_KEYS, mode: 'live', secretKey: key('sk', 'test') }),
      NOTHING_STORED,
    );
    expect(problems).toMatchObject([{ code: 'secret_key_wrong_mode', field: 'secretKey' }]);
    expect(problems[0]?.message).toContain('switch Mode to Sandbox (Test)');
  });

  it('refuses a restricted key of the other mode, suggesting both key kinds', () => {
    const problems = validateStripeSettings(
      input({ ...TEST_KEYS, secretKey: key('rk', 'live') }),
      NOTHING_STORED,
    );
    expect(problems).toMatchObject([{ code: 'secret_key_wrong_mode' }]);
    expect(problems[0]?.message).toContain('sk_test_ or rk_test_');
  });

  it('refuses a publishable key of the other mode', () => {
    const problems = validateStripeSettings(
      input({ ...TEST_KEYS, publishableKey: key('pk', 'live') }),
      NOTHING_STORED,
    );
    expect(problems).toMatchObject([
      { code: 'publishable_key_wrong_mode', field: 'publishableKey' },
    ]);
  });

  it('says once that Mode is wrong when both keys belong to the other mode', () => {
    const problems = validateStripeSettings(input({ ...LIVE_KEYS, mode: 'test' }), NOTHING_STORED);
    expect(problems).toMatchObject([{ code: 'keys_for_other_mode', field: 'mode' }]);
    expect(problems[0]?.message).toContain('Switch Mode to Live');
  });

  it('refuses a publishable key in the secret key field', () => {
    const problems = validateStripeSettings(
      input({ ...TEST_KEYS, secretKey: key('pk', 'test') }),
      NOTHING_STORED,
    );
    expect(problems).toMatchObject([{ code: 'secret_key_format', field: 'secretKey' }]);
    expect(problems[0]?.message).toContain('publishable key');
  });

  it('refuses a secret key in the publishable key field, which would reach browsers', () => {
    const problems = validateStripeSettings(
      input({ ...TEST_KEYS, publishableKey: key('sk', 'test') }),
      NOTHING_STORED,
    );
    expect(problems).toMatchObject([{ code: 'publishable_key_format', field: 'publishableKey' }]);
    expect(problems[0]?.message).toContain('paste it in Secret API Key');
  });

  it('refuses a truncated key and text that is no key at all', () => {
    expect(
      codes(
        validateStripeSettings(input({ ...TEST_KEYS, secretKey: 'sk_test_abc' }), NOTHING_STORED),
      ),
    ).toEqual(['secret_key_format']);
    expect(
      codes(
        validateStripeSettings(input({ ...TEST_KEYS, publishableKey: 'hello' }), NOTHING_STORED),
      ),
    ).toEqual(['publishable_key_format']);
  });

  it('checks the format of keys typed while Stripe is disabled, so nothing malformed is stored', () => {
    expect(
      codes(validateStripeSettings(input({ enabled: false, secretKey: 'nope' }), NOTHING_STORED)),
    ).toEqual(['secret_key_format']);
  });
});

describe('validateStripeSettings: webhook signing secret', () => {
  it('refuses something that is not a whsec_ secret', () => {
    const problems = validateStripeSettings(
      input({ ...TEST_KEYS, webhookSigningSecret: 'we_1234567890abcdefghij' }),
      NOTHING_STORED,
    );
    expect(problems).toMatchObject([
      { code: 'webhook_signing_secret_format', field: 'webhookSigningSecret' },
    ]);
  });

  it('names a secret key pasted in the signing secret field', () => {
    const problems = validateStripeSettings(
      input({ ...TEST_KEYS, webhookSigningSecret: key('sk', 'test') }),
      NOTHING_STORED,
    );
    expect(problems[0]?.message).toContain('This is a secret key (sk_test_…)');
  });

  it('trims the newline a copy from the Dashboard often carries', () => {
    expect(input({ webhookSigningSecret: `${WHSEC}\n` }).webhookSigningSecret).toBe(WHSEC);
  });
});

describe('validateStripeSettings: no secret in any message', () => {
  it('shows pasted credentials only by their prefix', () => {
    const pasted = [key('sk', 'live'), key('rk', 'live'), key('sk', 'test'), WHSEC];
    const attempts = [
      input({ secretKey: pasted[0], publishableKey: pasted[2], webhookSigningSecret: pasted[1] }),
      input({
        mode: 'live',
        secretKey: pasted[2],
        publishableKey: pasted[3],
        webhookSigningSecret: pasted[0],
      }),
    ];
    const messages = attempts
      .flatMap((a) => validateStripeSettings(a, NOTHING_STORED))
      .map((p) => p.message);
    expect(messages.length).toBeGreaterThanOrEqual(6);
    for (const message of messages) expect(message).not.toContain(body('K'));
    for (const message of messages) expect(message).not.toContain(body('W'));
  });
});

describe('SaveStripeSettingsInput: currency', () => {
  it('accepts a supported currency in any case and stores it lowercase', () => {
    expect(input({ currency: 'EUR' }).currency).toBe('eur');
  });

  it('refuses a currency Stripe does not charge in, naming the field', () => {
    const result = SaveStripeSettingsInput.safeParse({
      enabled: false,
      mode: 'test',
      currency: 'XXX',
      failurePolicy: 'cancel',
    });
    expect(result.success).toBe(false);
    const issue = result.error?.issues[0];
    expect(issue?.path).toEqual(['currency']);
    expect(issue?.message).toContain('XXX is not a currency');
  });

  it('reports an unsupported currency from the rules too (for callers that skip the schema)', () => {
    const problems = validateStripeSettings(
      { ...input({ enabled: false }), currency: 'zzz' },
      NOTHING_STORED,
    );
    expect(problems).toMatchObject([{ code: 'currency_unsupported', field: 'currency' }]);
  });

  it('refuses an unknown mode and failure policy', () => {
    expect(
      SaveStripeSettingsInput.safeParse({
        enabled: true,
        mode: 'prod',
        currency: 'usd',
        failurePolicy: 'cancel',
      }).success,
    ).toBe(false);
    expect(
      SaveStripeSettingsInput.safeParse({
        enabled: true,
        mode: 'test',
        currency: 'usd',
        failurePolicy: 'ignore',
      }).success,
    ).toBe(false);
  });
});
