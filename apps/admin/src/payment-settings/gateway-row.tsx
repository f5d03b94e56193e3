import { STRIPE_MODE_LABELS } from '@clinicpay/contracts';
import { Badge, buttonClass, Switch } from '@clinicpay/ui';
import { useState } from 'react';
import { Link } from 'react-router';
import { isUnauthorized, messageOf } from '../api-errors.js';
import { ConfirmDialog } from '../components/confirm-dialog.js';
import { notify } from '../toasts.js';
import { trpc, type Outputs } from '../trpc.js';
import { NOT_CONFIGURED } from './not-configured-notice.js';
import { PayAtClinicDialog } from './pay-at-clinic-dialog.js';

type Gateway = Outputs['gateways']['list'][number];

const DESCRIPTIONS: Record<Gateway['gateway'], string> = {
  stripe: 'Patients pay by card while booking, in Stripe’s embedded checkout.',
  pay_at_clinic: 'Patients book now and pay at the front desk; you mark the payment as paid.',
};

/**
 * One gateway: its name, state, the Enable switch and Manage. Turning a gateway off asks first
 * (patients lose that way to pay at once); the API refuses to turn Stripe on without working keys,
 * and its sentence is shown.
 */
export function GatewayRow({ gateway }: { gateway: Gateway }) {
  const utils = trpc.useUtils();
  const [confirmOff, setConfirmOff] = useState(false);
  const [managing, setManaging] = useState(false);
  const setEnabled = trpc.admin.gateways.setEnabled.useMutation({
    onSuccess: (list, input) => {
      utils.admin.gateways.list.setData(undefined, list);
      void utils.admin.stripeSettings.get.invalidate();
      notify({ title: `${gateway.label} is ${input.enabled ? 'on' : 'off'}`, tone: 'success' });
    },
    onError: (error) => {
      if (!isUnauthorized(error))
        notify({
          title: `${gateway.label} was not changed.`,
          description: messageOf(error),
          tone: 'error',
        });
    },
  });
  const change = (enabled: boolean) => {
    if (!enabled) setConfirmOff(true);
    else setEnabled.mutate({ gateway: gateway.gateway, enabled });
  };
  const name = `gateway-${gateway.gateway}`;

  return (
    <li className="flex flex-wrap items-center gap-x-6 gap-y-3 p-4 sm:p-6">
      <div className="min-w-0 flex-1 basis-64">
        <h2
          id={name}
          className="flex flex-wrap items-center gap-2 text-base font-semibold text-slate-900"
        >
          {gateway.label}
          {gateway.enabled ? <Badge tone="green">On</Badge> : <Badge tone="slate">Off</Badge>}
          {gateway.gateway === 'stripe' && gateway.mode ? (
            <Badge tone={gateway.mode === 'live' ? 'violet' : 'amber'}>
              {STRIPE_MODE_LABELS[gateway.mode]}
            </Badge>
          ) : null}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{DESCRIPTIONS[gateway.gateway]}</p>
        {gateway.refusal ? (
          <p className="mt-1 text-sm font-medium text-red-800">
            {NOT_CONFIGURED}: {gateway.refusal}
          </p>
        ) : null}
        {gateway.gateway === 'stripe' && !gateway.configured ? (
          <p className="mt-1 text-sm font-medium text-amber-900">
            Keys are missing for this mode: open Manage to add them.
          </p>
        ) : null}
      </div>
      <div className="flex items-center gap-3">
        <Switch
          isSelected={gateway.enabled}
          isDisabled={setEnabled.isPending}
          onChange={change}
          aria-describedby={name}
        >
          Enable<span className="sr-only"> {gateway.label}</span>
        </Switch>
        {gateway.gateway === 'stripe' ? (
          <Link
            to="/payment-settings/stripe"
            className={buttonClass('secondary')}
            aria-label={`Manage ${gateway.label}`}
          >
            Manage
          </Link>
        ) : (
          <button
            type="button"
            className={buttonClass('secondary')}
            aria-label={`Manage ${gateway.label}`}
            onClick={() => setManaging(true)}
          >
            Manage
          </button>
        )}
      </div>
      <ConfirmDialog
        isOpen={confirmOff}
        onOpenChange={setConfirmOff}
        title={`Turn off ${gateway.label}?`}
        confirmLabel={`Turn off ${gateway.label}`}
        onConfirm={() => {
          setConfirmOff(false);
          setEnabled.mutate({ gateway: gateway.gateway, enabled: false });
        }}
      >
        Patients will no longer be offered {gateway.label} when they book. Bookings already made
        keep their payments.
      </ConfirmDialog>
      {gateway.gateway === 'pay_at_clinic' ? (
        <PayAtClinicDialog isOpen={managing} onOpenChange={setManaging} />
      ) : null}
    </li>
  );
}
