import { apiError, callsTo } from '@clinicpay/react-test-harness';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApi } from '../test/render-with-api.js';
import {
  blankStripeSettings,
  PUBLISHABLE,
  SECRET,
  SIGNING,
  stripeSettings,
} from '../test/fixtures.js';
import { StripeSettingsForm } from './stripe-settings-form.js';

const NOT_CONFIGURED =
  'Stripe gateway is not properly configured: Invalid API Key provided: sk_test_****6789';

function renderForm(
  settings = stripeSettings(),
  save: (input: unknown) => unknown = () => settings,
) {
  return renderWithApi(<StripeSettingsForm settings={settings} />, {
    'admin.stripeSettings.save': save,
    'admin.gateways.list': () => [],
  });
}

/** The text an input is described by (hint and error), as a screen reader reads it. */
const describedBy = (input: HTMLElement) =>
  (input.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' | ');

describe('StripeSettingsForm', () => {
  it('uses the product’s field names and shows saved secrets only masked, with "leave blank to keep"', () => {
    renderForm();
    expect(screen.getByRole('checkbox', { name: 'Enable Stripe' })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Currency' })).toBeTruthy();
    for (const label of [
      'Secret API Key',
      'Publishable Key',
      'Webhook URL',
      'Webhook Signing Secret',
    ]) {
      expect(screen.getByLabelText(label)).toBeTruthy();
    }
    expect(screen.getByRole('radiogroup', { name: 'Mode' })).toBeTruthy();
    expect(screen.getByRole('radio', { name: /Sandbox \(Test\)/ })).toBeTruthy();
    expect(screen.getByRole('radio', { name: /Live/ })).toBeTruthy();
    expect(screen.getByRole('radiogroup', { name: 'When a payment fails' })).toBeTruthy();
    const secret = screen.getByLabelText<HTMLInputElement>('Secret API Key');
    expect(secret.type).toBe('password');
    expect(secret.value).toBe('');
    expect(describedBy(secret)).toContain('sk_test_…6789. Leave blank to keep it');
    expect(describedBy(screen.getByLabelText('Webhook Signing Secret'))).toContain('whsec_…0123');
    expect(screen.getByLabelText<HTMLInputElement>('Webhook URL').readOnly).toBe(true);
    expect(screen.getByRole('button', { name: 'Copy Webhook URL' })).toBeTruthy();
  });

  it('shows the key set of the selected Mode, keeping what was typed for the other', async () => {
    renderForm();
    expect(screen.getByRole('group', { name: 'API keys for Sandbox (Test)' })).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>('Publishable Key').value).toBe(PUBLISHABLE);
    await userEvent.type(screen.getByLabelText('Secret API Key'), 'typed-for-test');
    await userEvent.click(screen.getByRole('radio', { name: /Live/ }));
    expect(screen.getByRole('group', { name: 'API keys for Live' })).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>('Publishable Key').value).toBe('');
    expect(screen.getByLabelText<HTMLInputElement>('Secret API Key').value).toBe('');
    expect(describedBy(screen.getByLabelText('Secret API Key'))).toContain('sk_live_');
    await userEvent.click(screen.getByRole('radio', { name: /Sandbox/ }));
    expect(screen.getByLabelText<HTMLInputElement>('Secret API Key').value).toBe('typed-for-test');
  });

  it('finds a currency by code or name in the searchable list', async () => {
    const { calls } = renderForm();
    const currency = screen.getByRole('combobox', { name: 'Currency' });
    await userEvent.clear(currency);
    await userEvent.type(currency, 'euro');
    const options = await screen.findAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual(['EUR · Euro']);
    await userEvent.click(options[0]!);
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(callsTo(calls, 'admin.stripeSettings.save')[0]).toMatchObject({ currency: 'eur' }),
    );
  });

  it('refuses a key of the other mode on its field, focusing it, without calling the API', async () => {
    const save = vi.fn();
    renderForm(stripeSettings(), save);
    await userEvent.type(
      screen.getByLabelText('Secret API Key'),
      SECRET.replace('sk_test_', 'sk_live_'),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    const secret = screen.getByLabelText('Secret API Key');
    await waitFor(() => expect(secret.getAttribute('aria-invalid')).toBe('true'));
    expect(describedBy(secret)).toContain(
      'This is a live key (sk_live_…) but Mode is Sandbox (Test).',
    );
    expect(document.activeElement).toBe(secret);
    expect(screen.getByRole('alert').textContent).toContain('Nothing was saved.');
    expect(save).not.toHaveBeenCalled();
  });

  it('asks for every key when Stripe is enabled from scratch', async () => {
    const save = vi.fn();
    renderForm(blankStripeSettings(), save);
    await userEvent.click(screen.getByRole('checkbox', { name: 'Enable Stripe' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(describedBy(screen.getByLabelText('Secret API Key'))).toContain(
        'Enter the Secret API Key for Sandbox (Test)',
      ),
    );
    expect(describedBy(screen.getByLabelText('Publishable Key'))).toContain(
      'Enter the Publishable Key for Sandbox (Test)',
    );
    expect(describedBy(screen.getByLabelText('Webhook Signing Secret'))).toContain(
      'Enter the Webhook Signing Secret for Sandbox (Test)',
    );
    expect(save).not.toHaveBeenCalled();
  });

  it('says "Stripe gateway is not properly configured" with Stripe’s reason when the key check fails', async () => {
    renderForm(stripeSettings(), () => {
      throw apiError('settings_invalid', NOT_CONFIGURED, [
        { path: 'secretKey', message: NOT_CONFIGURED },
      ]);
    });
    await userEvent.type(screen.getByLabelText('Secret API Key'), SECRET);
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Stripe gateway is not properly configured')).toBeTruthy();
    expect(alert.textContent).toContain(
      "Stripe's reason: Invalid API Key provided: sk_test_****6789",
    );
    expect(describedBy(screen.getByLabelText('Secret API Key'))).toContain(NOT_CONFIGURED);
  });

  it('puts the API’s other refusals on their fields (the currency rule)', async () => {
    const message =
      'These services are priced in another currency than EUR: General consultation ($60.00). Reprice them in EUR first, or keep the currency they are priced in.';
    renderForm(stripeSettings({ currency: 'EUR' }), () => {
      throw apiError('settings_invalid', message, [{ path: 'currency', message }]);
    });
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(describedBy(screen.getByRole('combobox', { name: 'Currency' }))).toContain(message),
    );
  });

  it('saves the selected mode’s keys, then clears the secret fields', async () => {
    const saved = stripeSettings();
    const { calls } = renderForm(blankStripeSettings(), () => saved);
    await userEvent.click(screen.getByRole('checkbox', { name: 'Enable Stripe' }));
    await userEvent.type(screen.getByLabelText('Secret API Key'), SECRET);
    await userEvent.type(screen.getByLabelText('Publishable Key'), PUBLISHABLE);
    await userEvent.type(screen.getByLabelText('Webhook Signing Secret'), ` ${SIGNING}\n`);
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(callsTo(calls, 'admin.stripeSettings.save')).toHaveLength(1));
    expect(callsTo(calls, 'admin.stripeSettings.save')[0]).toEqual({
      enabled: true,
      mode: 'test',
      secretKey: SECRET,
      publishableKey: PUBLISHABLE,
      webhookSigningSecret: SIGNING,
      currency: 'usd',
      failurePolicy: 'cancel',
    });
    await waitFor(() =>
      expect(screen.getByLabelText<HTMLInputElement>('Secret API Key').value).toBe(''),
    );
    expect(screen.getByLabelText<HTMLInputElement>('Webhook Signing Secret').value).toBe('');
    expect(document.body.innerHTML).not.toContain(SECRET);
    expect(document.body.innerHTML).not.toContain(SIGNING);
  });

  it('shows a Manager the settings but no Save: only an Owner changes the keys', () => {
    renderWithApi(<StripeSettingsForm settings={stripeSettings()} />, {}, { role: 'manager' });
    expect(screen.getByText('Only an Owner can change these settings.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
    // Every field sits in a disabled fieldset, which a browser disables with it.
    const enable = screen.getByRole('checkbox', { name: 'Enable Stripe' });
    expect(enable.closest('fieldset[disabled]')).not.toBeNull();
  });
});
