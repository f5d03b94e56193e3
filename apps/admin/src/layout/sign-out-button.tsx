import { BusyButton } from '@clinicpay/ui';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { notify } from '../toasts.js';
import { trpc } from '../trpc.js';
import { SIGN_IN_PATH } from '../session/return-path.js';
import { messageOf } from '../api-errors.js';

/** Ends the session on the server (the cookie is cleared there), then forgets everything read. */
export function SignOutButton() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const signOut = trpc.admin.auth.signOut.useMutation({
    onSuccess: () => {
      void navigate(SIGN_IN_PATH, { replace: true, state: { notice: 'You are signed out.' } });
      queryClient.clear();
    },
    onError: (error) =>
      notify({ title: 'Sign-out failed.', description: messageOf(error), tone: 'error' }),
  });
  return (
    <BusyButton
      variant="secondary"
      isBusy={signOut.isPending}
      busyLabel="Signing out…"
      onPress={() => signOut.mutate()}
    >
      Sign out
    </BusyButton>
  );
}
