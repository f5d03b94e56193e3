import { TotpCodeInput } from '@clinicpay/contracts';
import { Badge, BusyButton, Button, Card, Notice, Skeleton, TextField } from '@clinicpay/ui';
import { useState } from 'react';
import { isUnauthorized, messageOf } from '../api-errors.js';
import { ConfirmDialog } from '../components/confirm-dialog.js';
import { FormProblem } from '../components/form-problem.js';
import { QueryError } from '../components/query-states.js';
import { notify } from '../toasts.js';
import { trpc } from '../trpc.js';
import { QrCode } from './qr-code.js';
import { RecoveryCodes } from './recovery-codes.js';

/**
 * Two-factor sign-in for the signed-in admin: set up with a QR code and a first code, then ten
 * recovery codes shown once; new codes, or off (unless the clinic requires it).
 */
export function TwoFactorCard() {
  const status = trpc.admin.twoFactor.status.useQuery();
  const utils = trpc.useUtils();
  const start = trpc.admin.twoFactor.start.useMutation();
  const renew = trpc.admin.twoFactor.renewRecoveryCodes.useMutation();
  const turnOff = trpc.admin.twoFactor.turnOff.useMutation();
  const [codes, setCodes] = useState<string[] | null>(null);
  const [askTurnOff, setAskTurnOff] = useState(false);
  const refresh = () =>
    Promise.all([utils.admin.twoFactor.status.invalidate(), utils.admin.auth.me.invalidate()]);
  const failed = (title: string) => (error: unknown) => {
    if (!isUnauthorized(error)) notify({ title, description: messageOf(error), tone: 'error' });
  };

  return (
    <Card className="p-4 sm:p-6">
      <h2 className="mb-2 flex items-center gap-2 text-base font-semibold text-slate-900">
        Two-factor sign-in{' '}
        {status.data ? (
          <Badge tone={status.data.enabled ? 'green' : 'slate'}>
            {status.data.enabled ? 'On' : 'Off'}
          </Badge>
        ) : null}
      </h2>
      <QueryError query={status} title="Two-factor sign-in could not be loaded." />
      {status.isPending ? <Skeleton className="h-12 w-full" /> : null}
      {codes ? (
        <RecoveryCodes
          codes={codes}
          onDone={() => {
            setCodes(null);
            void refresh();
          }}
        />
      ) : status.data && !status.data.enabled ? (
        start.data ? (
          <Enrolment
            secret={start.data.secret}
            uri={start.data.uri}
            onEnabled={(recoveryCodes) => {
              start.reset();
              setCodes(recoveryCodes);
            }}
          />
        ) : (
          <div className="grid gap-3">
            <p className="text-sm text-slate-700">
              Sign in with a code from an authenticator app on your phone as well as your password,
              so a stolen password alone cannot open the admin.
            </p>
            <BusyButton
              className="justify-self-start"
              isBusy={start.isPending}
              busyLabel="Starting…"
              onPress={() => void start.mutateAsync().catch(failed('Set-up could not start.'))}
            >
              Set up two-factor sign-in
            </BusyButton>
          </div>
        )
      ) : status.data ? (
        <div className="grid gap-3">
          <p className="text-sm text-slate-700">
            On since {new Date(status.data.enabledAt!).toLocaleDateString()}.{' '}
            {status.data.recoveryCodesLeft} of 10 recovery codes left.
            {status.data.requiredByClinic ? ' Your clinic requires it for every admin.' : ''}
          </p>
          <div className="flex flex-wrap gap-3">
            <BusyButton
              variant="secondary"
              isBusy={renew.isPending}
              busyLabel="Making codes…"
              onPress={() =>
                void renew
                  .mutateAsync()
                  .then((result) => setCodes(result.recoveryCodes))
                  .catch(failed('New recovery codes could not be made.'))
              }
            >
              New recovery codes
            </BusyButton>
            {status.data.requiredByClinic ? null : (
              <Button variant="secondary" onPress={() => setAskTurnOff(true)}>
                Turn off
              </Button>
            )}
          </div>
        </div>
      ) : null}
      <ConfirmDialog
        isOpen={askTurnOff}
        onOpenChange={setAskTurnOff}
        title="Turn off two-factor sign-in?"
        confirmLabel="Turn off"
        onConfirm={() =>
          void turnOff
            .mutateAsync()
            .then(() => {
              setAskTurnOff(false);
              notify({ title: 'Two-factor sign-in is off', tone: 'success' });
              return refresh();
            })
            .catch(failed('Two-factor sign-in is still on.'))
        }
      >
        Your password alone will sign you in again, and your recovery codes stop working.
      </ConfirmDialog>
    </Card>
  );
}

/** Scan, then type the first code: proof the app holds the secret before it is required. */
function Enrolment({
  secret,
  uri,
  onEnabled,
}: {
  secret: string;
  uri: string;
  onEnabled: (recoveryCodes: string[]) => void;
}) {
  const confirm = trpc.admin.twoFactor.confirm.useMutation();
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async () => {
    if (confirm.isPending) return;
    const parsed = TotpCodeInput.safeParse({ code });
    if (!parsed.success) {
      setProblem(parsed.error.issues[0]!.message);
      return;
    }
    setProblem(null);
    try {
      onEnabled((await confirm.mutateAsync(parsed.data)).recoveryCodes);
    } catch (error) {
      if (isUnauthorized(error)) return;
      setProblem(messageOf(error));
      setCode('');
    }
  };
  return (
    <form
      noValidate
      className="grid gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <ol className="grid list-decimal gap-2 pl-5 text-sm text-slate-700">
        <li>Open an authenticator app on your phone (Google Authenticator, 1Password, Authy…).</li>
        <li>Scan this QR code with it, or enter the key below by hand.</li>
        <li>Type the 6-digit code the app shows for Clinicpay.</li>
      </ol>
      <div className="flex flex-wrap items-center gap-4">
        <QrCode value={uri} label="QR code for your authenticator app" />
        <div className="min-w-0 text-sm">
          <p className="text-slate-600">Key, if you cannot scan:</p>
          <p className="font-mono break-all text-slate-900" aria-label="Two-factor key">
            {secret.replace(/(.{4})/g, '$1 ').trim()}
          </p>
        </div>
      </div>
      <FormProblem problem={problem} />
      <TextField
        label="Code from the app"
        autoComplete="one-time-code"
        inputMode="numeric"
        value={code}
        onChange={setCode}
      />
      <Notice tone="info">Two-factor sign-in turns on with this code.</Notice>
      <BusyButton
        type="submit"
        className="justify-self-start"
        isBusy={confirm.isPending}
        busyLabel="Checking…"
      >
        Turn on
      </BusyButton>
    </form>
  );
}
