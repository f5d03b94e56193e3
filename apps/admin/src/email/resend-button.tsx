import { BusyButton } from '@clinicpay/ui';
import { isUnauthorized, messageOf } from '../api-errors.js';
import { notify } from '../toasts.js';
import { trpc } from '../trpc.js';
import { mailKindLabel } from './mail-labels.js';

/** Resend of a failed or dropped message: it goes again now, rendered from the booking as it is. */
export function ResendButton({
  mailId,
  kind,
  recipient,
}: {
  mailId: string;
  kind: string;
  recipient: string;
}) {
  const utils = trpc.useUtils();
  const what = `${mailKindLabel(kind)}${recipient ? ` to ${recipient}` : ''}`;
  const resend = trpc.admin.mail.resend.useMutation({
    onSuccess: () => {
      notify({ title: 'Queued to send again', description: what, tone: 'success' });
    },
    onError: (error) => {
      if (!isUnauthorized(error))
        notify({ title: 'Not sent again', description: messageOf(error), tone: 'error' });
    },
    // Either way the row has moved on (queued, or sent meanwhile): show it as it is now.
    onSettled: () => {
      void utils.admin.mail.list.invalidate();
      void utils.admin.mail.settings.invalidate();
    },
  });
  return (
    <BusyButton
      variant="secondary"
      isBusy={resend.isPending}
      busyLabel="Resending…"
      onPress={() => resend.mutate({ mailId })}
    >
      Resend<span className="sr-only"> {what}</span>
    </BusyButton>
  );
}
