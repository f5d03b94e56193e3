import { RECONFIRM_MINUTES } from '@clinicpay/contracts';
import { Button, BusyButton, Dialog, TextField } from '@clinicpay/ui';
import { useEffect, useState } from 'react';
import { messageOf } from '../api-errors.js';
import { FormProblem } from '../components/form-problem.js';
import { trpc } from '../trpc.js';
import { onReconfirmRequested, settleReconfirm } from './reconfirm-request.js';

/**
 * "Confirm it is you": the password (or, with two-factor sign-in, a code) before a risky action,
 * asked when the API says the last one was typed too long ago (reconfirm-link.ts). Confirming lets
 * the waiting action go on; cancelling fails it with the API's sentence.
 */
export function ReconfirmDialog({ twoFactorEnabled }: { twoFactorEnabled: boolean }) {
  const [isOpen, setOpen] = useState(false);
  const [withCode, setWithCode] = useState(false);
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const reconfirm = trpc.admin.auth.reconfirm.useMutation();

  useEffect(
    () =>
      onReconfirmRequested(() => {
        setValue('');
        setProblem(null);
        setOpen(true);
      }),
    [],
  );

  const close = (confirmed: boolean) => {
    setOpen(false);
    settleReconfirm(confirmed);
  };

  const submit = async () => {
    if (reconfirm.isPending) return;
    setProblem(null);
    try {
      await reconfirm.mutateAsync(withCode ? { code: value } : { password: value });
      close(true);
    } catch (error) {
      setProblem(messageOf(error));
      setValue('');
    }
  };

  return (
    <Dialog
      isOpen={isOpen}
      onOpenChange={(open) => {
        if (!open) close(false);
      }}
      title="Confirm it is you"
      isDismissable={!reconfirm.isPending}
    >
      <form
        noValidate
        className="grid gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <p className="text-sm text-slate-700">
          Changing payment keys, the team or refunding needs your{' '}
          {withCode ? 'authentication code' : 'password'} again. You will not be asked again for{' '}
          {RECONFIRM_MINUTES} minutes.
        </p>
        <FormProblem problem={problem} />
        {withCode ? (
          <TextField
            key="code"
            label="Authentication code"
            description="The 6 digits your authenticator app shows, or a recovery code."
            autoComplete="one-time-code"
            value={value}
            onChange={setValue}
            autoFocus
          />
        ) : (
          <TextField
            key="password"
            label="Password"
            type="password"
            autoComplete="current-password"
            value={value}
            onChange={setValue}
            autoFocus
          />
        )}
        {twoFactorEnabled ? (
          <button
            type="button"
            className="justify-self-start text-sm font-semibold text-brand-800 underline"
            onClick={() => {
              setWithCode(!withCode);
              setValue('');
              setProblem(null);
            }}
          >
            {withCode ? 'Use your password instead' : 'Use a code from your app instead'}
          </button>
        ) : null}
        <div className="flex flex-wrap justify-end gap-3">
          <Button variant="secondary" onPress={() => close(false)} isDisabled={reconfirm.isPending}>
            Cancel
          </Button>
          <BusyButton type="submit" isBusy={reconfirm.isPending} busyLabel="Checking…">
            Confirm
          </BusyButton>
        </div>
      </form>
    </Dialog>
  );
}
