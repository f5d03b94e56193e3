import { describe, expect, it } from 'vitest';
import { DEMO_SERVICES } from '../src/seed/demo-clinic.data.js';
import type { RouterOutputs } from '../src/index.js';
import { dataOf, trpcMutation, trpcQuery, type HttpAnswer } from './support/admin-http.js';
import { ALL_SECRETS, KEYS } from './support/admin-stripe.js';
import { useSettingsStack } from './support/settings-stack.js';

const [on] = useSettingsStack('https://clinic.example').apis;

const base = { enabled: true, mode: 'test', currency: 'USD', failurePolicy: 'cancel' };
const save = (input: Record<string, unknown>) =>
  trpcMutation(
    on.api.url,
    'admin.stripeSettings.save',
    { ...base, ...input },
    { cookie: on.cookie },
  );
const read = async () =>
  dataOf<RouterOutputs['admin']['stripeSettings']['get']>(
    await trpcQuery(on.api.url, 'admin.stripeSettings.get', undefined, { cookie: on.cookie }),
  );
const storedRow = () =>
  on.api.db
    .selectFrom('gateway_settings')
    .selectAll()
    .where('gateway', '=', 'stripe')
    .executeTakeFirstOrThrow();
const messageOn = (answer: HttpAnswer, path: string) =>
  answer.body.error?.data.fieldErrors?.find((f) => f.path === path)?.message ?? '';

describe('the currency rule', () => {
  it('refuses a currency other than the services are priced in, naming them', async () => {
    const answer = await save({ currency: 'EUR' });
    expect(answer.status).toBe(400);
    expect(messageOn(answer, 'currency')).toBe(
      'These services are priced in another currency than EUR: General consultation ($60.00), Physiotherapy session ($75.00), Skin check ($45.00). Reprice them in EUR first, or keep the currency they are priced in.',
    );
  });

  it("refuses when a paid service is under Stripe's minimum charge; free services are fine", async () => {
    const skinCheck = DEMO_SERVICES[1].id;
    await on.api.db
      .updateTable('services')
      .set({ price_amount: 30 })
      .where('id', '=', skinCheck)
      .execute();
    try {
      const answer = await save({});
      expect(messageOn(answer, 'currency')).toBe(
        "Stripe's smallest charge in USD is $0.50. Raise the price of Skin check ($0.30), or make it free.",
      );
    } finally {
      await on.api.db
        .updateTable('services')
        .set({ price_amount: 4500 })
        .where('id', '=', skinCheck)
        .execute();
    }
    expect((await save({})).status).toBe(200);
  });
});

describe('stored keys', () => {
  it('keeps secrets as they are when their fields are left blank', async () => {
    const before = await storedRow();
    expect(
      (await save({ secretKey: '', webhookSigningSecret: '  ', failurePolicy: 'retry' })).status,
    ).toBe(200);
    const after = await storedRow();
    expect(after.test_secret_key_encrypted).toBe(before.test_secret_key_encrypted);
    expect(after.test_webhook_secret_encrypted).toBe(before.test_webhook_secret_encrypted);
    expect(after.failure_policy).toBe('retry');
  });

  it('keeps a Sandbox and a Live key set side by side', async () => {
    expect((await save({ mode: 'live', ...KEYS.live })).status).toBe(200);
    expect((await save({ mode: 'test' })).status).toBe(200);
    const settings = await read();
    expect(settings.mode).toBe('test');
    expect(settings.keys.test.publishableKey).toBe(KEYS.test.publishableKey);
    expect(settings.keys.live).toEqual({
      publishableKey: KEYS.live.publishableKey,
      secretKey: `sk_live_…${KEYS.live.secretKey.slice(-4)}`,
      webhookSigningSecret: `whsec_…${KEYS.live.webhookSigningSecret.slice(-4)}`,
    });
  });

  it('holds secrets only encrypted, and audits every change without a secret', async () => {
    const row = JSON.stringify(await storedRow());
    const audit = JSON.stringify(await on.api.db.selectFrom('audit_log').selectAll().execute());
    for (const secret of ALL_SECRETS) {
      expect(row).not.toContain(secret);
      expect(audit).not.toContain(secret);
      expect(audit).not.toContain(secret.slice(-12));
    }
    const entries = await on.api.db
      .selectFrom('audit_log')
      .select(['actor', 'action', 'target', 'details'])
      .where('action', '=', 'stripe_settings.saved')
      .orderBy('id')
      .execute();
    expect(entries.length).toBeGreaterThanOrEqual(4);
    expect(
      entries.every(
        (e) => e.actor === 'admin:admin@clinicpay.test' && e.target === 'gateway:stripe',
      ),
    ).toBe(true);
    expect(entries.map((e) => e.details)).toContainEqual({
      changes: expect.objectContaining({
        mode: { from: 'test', to: 'live' },
        'live.publishableKey': { from: null, to: KEYS.live.publishableKey },
        'live.secretKey': 'replaced',
        'live.webhookSigningSecret': 'replaced',
      }),
    });
    // A save that changed nothing is still recorded: someone pressed Save.
    expect(entries.map((e) => e.details)).toContainEqual({ changes: {} });
  });
});

describe('the gateways list and its switches', () => {
  const list = async () =>
    dataOf<RouterOutputs['admin']['gateways']['list']>(
      await trpcQuery(on.api.url, 'admin.gateways.list', undefined, { cookie: on.cookie }),
    );
  const toggle = (gateway: string, enabled: boolean) =>
    trpcMutation(
      on.api.url,
      'admin.gateways.setEnabled',
      { gateway, enabled },
      { cookie: on.cookie },
    );
  const paymentMethods = async () =>
    dataOf<RouterOutputs['catalogue']['paymentMethods']>(
      await trpcQuery(on.api.url, 'catalogue.paymentMethods', undefined),
    );

  it('lists Stripe and Pay at clinic with their state', async () => {
    expect(await list()).toEqual([
      {
        gateway: 'stripe',
        label: 'Stripe',
        enabled: true,
        mode: 'test',
        configured: true,
        refusal: null,
      },
      {
        gateway: 'pay_at_clinic',
        label: 'Pay at clinic',
        enabled: true,
        mode: null,
        configured: true,
        refusal: null,
      },
    ]);
  });

  it('turns each gateway off and on, and patients see it at once', async () => {
    expect((await toggle('stripe', false)).status).toBe(200);
    expect((await toggle('pay_at_clinic', false)).status).toBe(200);
    expect(await paymentMethods()).toMatchObject({ stripe: null, payAtClinic: false });
    expect((await toggle('stripe', true)).status).toBe(200);
    expect((await toggle('pay_at_clinic', true)).status).toBe(200);
    expect(await paymentMethods()).toMatchObject({ stripe: { mode: 'test' }, payAtClinic: true });
    const actions = await on.api.db
      .selectFrom('audit_log')
      .select('action')
      .where('target', 'like', 'gateway:%')
      .where('action', 'like', 'gateway.%')
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      'gateway.disabled',
      'gateway.disabled',
      'gateway.enabled',
      'gateway.enabled',
    ]);
  });

  it('refuses to turn Stripe on while its mode has no keys', async () => {
    await on.api.db
      .updateTable('gateway_settings')
      .set({ enabled: false, live_secret_key_encrypted: null, mode: 'live' })
      .where('gateway', '=', 'stripe')
      .execute();
    const answer = await toggle('stripe', true);
    expect(answer.status).toBe(400);
    expect(answer.body.error?.message).toMatch(
      /^Stripe needs its keys and webhook signing secret first/,
    );
  });
});

describe('the audit log', () => {
  it('lists who changed what, newest first, in pages', async () => {
    type Audit = RouterOutputs['admin']['audit']['list'];
    const first = dataOf<Audit>(
      await trpcQuery(on.api.url, 'admin.audit.list', { limit: 3 }, { cookie: on.cookie }),
    );
    expect(first.entries).toHaveLength(3);
    expect(first.entries[0]).toMatchObject({
      actor: 'admin:admin@clinicpay.test',
      action: 'gateway.enabled',
      target: 'gateway:pay_at_clinic',
    });
    const second = dataOf<Audit>(
      await trpcQuery(
        on.api.url,
        'admin.audit.list',
        { limit: 3, before: first.nextBefore },
        { cookie: on.cookie },
      ),
    );
    expect(second.entries[0]!.id).toBeLessThan(first.entries[2]!.id);
  });
});
