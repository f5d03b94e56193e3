import { describe, expect, it } from 'vitest';
import {
  blankStripeSettings,
  PUBLISHABLE,
  SECRET,
  SIGNING,
  stripeSettings,
} from '../test/fixtures.js';
import {
  checkStripeForm,
  formValuesOf,
  rawInputOf,
  stripeFormResolver,
  type StripeFormValues,
} from './stripe-form-values.js';

const LIVE_SECRET = SECRET.replace('sk_test_', 'sk_live_');
const LIVE_PUBLISHABLE = PUBLISHABLE.replace('pk_test_', 'pk_live_');

function withKeys(
  values: StripeFormValues,
  mode: 'test' | 'live',
  keys: Partial<StripeFormValues['keys']['test']>,
): StripeFormValues {
  return { ...values, keys: { ...values.keys, [mode]: { ...values.keys[mode], ...keys } } };
}

const messages = (problems: { field: string; message: string }[]) =>
  Object.fromEntries(problems.map((p) => [p.field, p.message]));

describe('the Stripe settings rules in the form', () => {
  it('starts from the saved settings: publishable keys shown, secrets blank', () => {
    const values = formValuesOf(stripeSettings());
    expect(values.keys.test).toEqual({
      secretKey: '',
      publishableKey: PUBLISHABLE,
      webhookSigningSecret: '',
    });
    expect(values.keys.live).toEqual({
      secretKey: '',
      publishableKey: '',
      webhookSigningSecret: '',
    });
  });

  it('sends only the selected Mode’s keys, blanks meaning "keep"', () => {
    const values = withKeys(
      withKeys(formValuesOf(stripeSettings()), 'live', { secretKey: LIVE_SECRET }),
      'test',
      { secretKey: SECRET },
    );
    expect(rawInputOf(values)).toMatchObject({
      mode: 'test',
      secretKey: SECRET,
      publishableKey: PUBLISHABLE,
      webhookSigningSecret: '',
    });
    const { input } = checkStripeForm(values, stripeSettings());
    expect(input).toMatchObject({
      secretKey: SECRET,
      webhookSigningSecret: undefined,
      currency: 'usd',
    });
  });

  it('keeps saved secrets when their fields stay blank', () => {
    const { problems, input } = checkStripeForm(formValuesOf(stripeSettings()), stripeSettings());
    expect(problems).toEqual([]);
    expect(input).toMatchObject({ enabled: true, mode: 'test', secretKey: undefined });
  });

  it('refuses a live key in Sandbox (Test) with the shared sentence, on its field', () => {
    const values = withKeys(formValuesOf(stripeSettings()), 'test', { secretKey: LIVE_SECRET });
    const { problems, input } = checkStripeForm(values, stripeSettings());
    expect(input).toBeNull();
    expect(messages(problems).secretKey).toBe(
      'This is a live key (sk_live_…) but Mode is Sandbox (Test). Use a key starting with sk_test_, or switch Mode to Live.',
    );
  });

  it('says once that both keys belong to the other mode, on Mode', () => {
    const values = withKeys(formValuesOf(stripeSettings()), 'test', {
      secretKey: LIVE_SECRET,
      publishableKey: LIVE_PUBLISHABLE,
    });
    expect(messages(checkStripeForm(values, stripeSettings()).problems)).toEqual({
      mode: 'Both keys are live keys (sk_live_…, pk_live_…) but Mode is Sandbox (Test). Switch Mode to Live, or use the keys starting with sk_test_ and pk_test_.',
    });
  });

  it('names a key pasted into the wrong field', () => {
    const values = withKeys(formValuesOf(stripeSettings()), 'test', {
      webhookSigningSecret: SECRET,
    });
    expect(
      messages(checkStripeForm(values, stripeSettings()).problems).webhookSigningSecret,
    ).toMatch(/^This is a secret key \(sk_test_…\); paste it in Secret API Key, never here\./);
  });

  it('asks for the whole key set before Stripe can be enabled from scratch', () => {
    const settings = blankStripeSettings();
    const values = { ...formValuesOf(settings), enabled: true };
    expect(Object.keys(messages(checkStripeForm(values, settings).problems)).sort()).toEqual([
      'publishableKey',
      'secretKey',
      'webhookSigningSecret',
    ]);
    const complete = withKeys(values, 'test', {
      secretKey: SECRET,
      publishableKey: PUBLISHABLE,
      webhookSigningSecret: SIGNING,
    });
    expect(checkStripeForm(complete, settings).problems).toEqual([]);
  });

  it('lets Stripe stay off without keys', () => {
    const settings = blankStripeSettings();
    expect(checkStripeForm(formValuesOf(settings), settings).problems).toEqual([]);
  });

  it('refuses Live where the API would (no https), with its reason', () => {
    const reason = 'Live mode needs the clinic’s address to use https.';
    const settings = stripeSettings({ liveMode: { allowed: false, reason } });
    const values = withKeys(
      { ...formValuesOf(settings), mode: 'live', enabled: false },
      'live',
      {},
    );
    expect(messages(checkStripeForm(values, settings).problems)).toEqual({ mode: reason });
  });

  it('refuses a currency Stripe does not charge in', () => {
    const values = { ...formValuesOf(stripeSettings()), currency: 'XYZ' };
    expect(messages(checkStripeForm(values, stripeSettings()).problems).currency).toBe(
      'Currency not supported by Stripe: XYZ is not a currency Stripe charges in. Choose a Currency from the list.',
    );
  });

  it('as a resolver, puts key problems on the selected mode’s fields', async () => {
    const settings = stripeSettings();
    const values = withKeys({ ...formValuesOf(settings), mode: 'live', enabled: true }, 'live', {
      secretKey: SECRET,
    });
    const result = await stripeFormResolver(values, settings, {
      fields: {},
      shouldUseNativeValidation: false,
    });
    expect(result.values).toEqual({});
    const errors = result.errors as { keys?: { live?: Record<string, { message: string }> } };
    expect(errors.keys?.live?.secretKey?.message).toMatch(
      /^This is a test key \(sk_test_…\) but Mode is Live\./,
    );
    expect(errors.keys?.live?.publishableKey?.message).toMatch(
      /^Enter the Publishable Key for Live/,
    );
  });
});
