import { apiError, callsTo } from '@clinicpay/react-test-harness';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderWithApi } from '../test/render-with-api.js';
import { SignInPage } from './sign-in-page.js';

const CODE_NEEDED =
  'Enter the 6-digit code from your authenticator app, or one of your recovery codes.';

describe('signing in with two-factor sign-in', () => {
  it('asks for the code after a right password and sends it with the same email and password', async () => {
    const view = renderWithApi(<SignInPage />, {
      'admin.auth.signIn': (input) => {
        const { code } = input as { code?: string };
        if (code === undefined)
          throw apiError('two_factor_needed', CODE_NEEDED, null, 'UNAUTHORIZED', 401);
        if (code !== '123456')
          throw apiError('sign_in_failed', 'That code is not right.', null, 'UNAUTHORIZED', 401);
        return { admin: {}, expiresAt: '2026-12-08T00:00:00.000Z', idleMinutes: 30 };
      },
    });
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Email'), 'owner@clinic.test');
    await user.type(screen.getByLabelText('Password'), 'a-long-password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    const code = await screen.findByLabelText('Authentication code');
    // Asked, not refused: no problem is shown for the first step.
    expect(screen.queryByText(CODE_NEEDED)).toBeNull();
    await user.type(code, '654321');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('That code is not right.')).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>('Authentication code').value).toBe('');

    await user.type(screen.getByLabelText('Authentication code'), '123 456');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByRole('button', { name: /Signing in/ });
    expect(callsTo(view.calls, 'admin.auth.signIn')).toEqual([
      { email: 'owner@clinic.test', password: 'a-long-password' },
      { email: 'owner@clinic.test', password: 'a-long-password', code: '654321' },
      { email: 'owner@clinic.test', password: 'a-long-password', code: '123456' },
    ]);
  });
});
