import { apiError, callsTo } from '@clinicpay/react-test-harness';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { messageOf } from '../api-errors.js';
import { renderWithApi } from '../test/render-with-api.js';
import { trpc } from '../trpc.js';
import { ReconfirmDialog } from './reconfirm-dialog.js';
import { reconfirmLink } from './reconfirm-link.js';

const STALE = () => {
  throw apiError(
    'reconfirm_needed',
    'Confirm it is you to do this: enter your password, or a code from your authenticator app.',
    null,
    'FORBIDDEN',
    403,
  );
};

/** A risky action as any page has it: one mutation and what became of it. */
function InviteButton() {
  const invite = trpc.admin.team.invite.useMutation();
  const [outcome, setOutcome] = useState('');
  return (
    <>
      <button
        type="button"
        onClick={() =>
          void invite
            .mutateAsync({ email: 'nina@clinic.test', role: 'manager' })
            .then(() => setOutcome('invited'))
            .catch((error: unknown) => setOutcome(messageOf(error)))
        }
      >
        Invite
      </button>
      <p>Outcome: {outcome}</p>
    </>
  );
}

function renderRiskyPage(handlers: Parameters<typeof renderWithApi>[1]) {
  return renderWithApi(
    <>
      <InviteButton />
      <ReconfirmDialog twoFactorEnabled />
    </>,
    handlers,
    { links: [reconfirmLink] },
  );
}

describe('re-confirming a risky action', () => {
  it('asks for the password when the API wants it, then sends the same call again', async () => {
    let invites = 0;
    const view = renderRiskyPage({
      'admin.team.invite': () => (++invites === 1 ? STALE() : { invitationId: 'i1', link: null }),
      'admin.auth.reconfirm': (input) => {
        if ((input as { password?: string }).password !== 'right-password')
          throw apiError('invalid_input', 'That password is not right. Try again.');
        return { confirmedUntil: '2026-12-07T10:10:00.000Z' };
      },
    });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Invite' }));
    const dialog = await screen.findByRole('dialog', { name: 'Confirm it is you' });
    expect(dialog).toBeTruthy();

    await user.type(screen.getByLabelText('Password'), 'wrong');
    await user.click(screen.getByRole('button', { name: 'Confirm' }));
    expect(await screen.findByText('That password is not right. Try again.')).toBeTruthy();

    await user.type(screen.getByLabelText('Password'), 'right-password');
    await user.click(screen.getByRole('button', { name: 'Confirm' }));
    expect(await screen.findByText('Outcome: invited')).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(callsTo(view.calls, 'admin.team.invite')).toHaveLength(2);
    expect(callsTo(view.calls, 'admin.auth.reconfirm')).toEqual([
      { password: 'wrong' },
      { password: 'right-password' },
    ]);
  });

  it('takes an authenticator code instead, for an admin with two-factor sign-in', async () => {
    let invites = 0;
    const view = renderRiskyPage({
      'admin.team.invite': () => (++invites === 1 ? STALE() : { invitationId: 'i1', link: null }),
      'admin.auth.reconfirm': () => ({ confirmedUntil: '2026-12-07T10:10:00.000Z' }),
    });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Invite' }));
    await user.click(
      await screen.findByRole('button', { name: 'Use a code from your app instead' }),
    );
    await user.type(screen.getByLabelText('Authentication code'), '123456');
    await user.click(screen.getByRole('button', { name: 'Confirm' }));
    expect(await screen.findByText('Outcome: invited')).toBeTruthy();
    expect(callsTo(view.calls, 'admin.auth.reconfirm')).toEqual([{ code: '123456' }]);
  });

  it('fails the action with the API’s sentence when the admin cancels', async () => {
    const view = renderRiskyPage({ 'admin.team.invite': STALE });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Invite' }));
    await user.click(await screen.findByRole('button', { name: 'Cancel' }));
    expect(await screen.findByText(/Outcome: Confirm it is you to do this/)).toBeTruthy();
    await waitFor(() => expect(callsTo(view.calls, 'admin.team.invite')).toHaveLength(1));
  });
});
