import { Switch } from '@clinicpay/ui';
import { isUnauthorized, messageOf } from '../api-errors.js';
import { notify } from '../toasts.js';
import { trpc } from '../trpc.js';

/**
 * The Owner's rule that every admin signs in with a code too. Admins without two-factor sign-in
 * are sent to set it up at their next step; the API refuses the rule until the Owner has it on.
 */
export function TwoFactorRule({ required }: { required: boolean }) {
  const utils = trpc.useUtils();
  const setRequired = trpc.admin.twoFactor.setRequired.useMutation();
  return (
    <div className="grid gap-2">
      <h2 className="text-base font-semibold text-slate-900">Two-factor sign-in</h2>
      <Switch
        isSelected={required}
        isDisabled={setRequired.isPending}
        onChange={(next) =>
          void setRequired
            .mutateAsync({ required: next })
            .then(() =>
              notify({
                title: next
                  ? 'Every admin now signs in with a code'
                  : 'Two-factor sign-in is now each admin’s choice',
                tone: 'success',
              }),
            )
            .catch((error: unknown) => {
              if (!isUnauthorized(error))
                notify({
                  title: 'The rule was not changed.',
                  description: messageOf(error),
                  tone: 'error',
                });
            })
            .finally(() => void utils.admin.team.list.invalidate())
        }
      >
        Require two-factor sign-in for every admin
      </Switch>
      <p className="text-sm text-slate-600">
        Admins without it are asked to set it up (Account page) before anything else.
      </p>
    </div>
  );
}
