import { apiError, callsTo } from '@clinicpay/react-test-harness';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderWithApi } from '../test/render-with-api.js';
import { TwoFactorCard } from './two-factor-card.js';

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const CODES = Array.from({ length: 10 }, (_, i) => `abcde-fgh${i}k`);

describe('setting up two-factor sign-in', () => {
  it('shows the QR code and key, turns on with the first code, then shows the recovery codes once', async () => {
    let enabled = false;
    const view = renderWithApi(<TwoFactorCard />, {
      'admin.twoFactor.status': () => ({
        enabled,
        enabledAt: enabled ? '2026-12-07T10:00:00.000Z' : null,
        recoveryCodesLeft: enabled ? 10 : 0,
        requiredByClinic: false,
      }),
      'admin.twoFactor.start': () => ({
        secret: SECRET,
        uri: `otpauth://totp/Clinicpay:owner%40clinic.test?secret=${SECRET}`,
      }),
      'admin.twoFactor.confirm': (input) => {
        if ((input as { code: string }).code !== '123456')
          throw apiError('invalid_input', 'That code does not match.');
        enabled = true;
        return { recoveryCodes: CODES };
      },
      'admin.auth.me': () => ({}),
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Set up two-factor sign-in' }));
    expect(
      await screen.findByRole('img', { name: 'QR code for your authenticator app' }),
    ).toBeTruthy();
    expect(screen.getByLabelText('Two-factor key').textContent).toBe(
      'JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP',
    );

    await user.type(screen.getByLabelText('Code from the app'), '12345');
    await user.click(screen.getByRole('button', { name: 'Turn on' }));
    expect(
      await screen.findByText('Enter the 6 digits your authenticator app shows.'),
    ).toBeTruthy();
    expect(callsTo(view.calls, 'admin.twoFactor.confirm')).toEqual([]);

    await user.clear(screen.getByLabelText('Code from the app'));
    await user.type(screen.getByLabelText('Code from the app'), '000000');
    await user.click(screen.getByRole('button', { name: 'Turn on' }));
    expect(await screen.findByText('That code does not match.')).toBeTruthy();

    await user.type(screen.getByLabelText('Code from the app'), '123456');
    await user.click(screen.getByRole('button', { name: 'Turn on' }));
    const list = await screen.findByRole('list', { name: 'Recovery codes' });
    expect(list.textContent).toContain(CODES[0]);
    expect(list.querySelectorAll('li')).toHaveLength(10);

    await user.click(screen.getByRole('button', { name: 'I have saved them' }));
    expect(await screen.findByText(/10 of 10 recovery codes left/)).toBeTruthy();
    expect(screen.queryByRole('list', { name: 'Recovery codes' })).toBeNull();
  });

  it('offers no way to turn it off while the clinic requires it', async () => {
    renderWithApi(<TwoFactorCard />, {
      'admin.twoFactor.status': () => ({
        enabled: true,
        enabledAt: '2026-12-07T10:00:00.000Z',
        recoveryCodesLeft: 7,
        requiredByClinic: true,
      }),
    });
    expect(await screen.findByText(/7 of 10 recovery codes left/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'New recovery codes' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Turn off' })).toBeNull();
  });
});
