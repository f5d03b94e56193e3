import { Button, Card } from '@clinicpay/ui';
import { useState } from 'react';
import { trpc, type BookingStatus } from '../trpc.js';
import { CancelDialog } from './cancel-dialog.js';
import { ReschedulePanel } from './reschedule-panel.js';

type Actions = NonNullable<BookingStatus['actions']>;

/**
 * A Confirmed booking's own actions, under the policy stored with it: Reschedule and Cancel
 * appointment, each saying why when the policy no longer allows it. Loaded with the status page
 * only when there is something to manage, so the booking wizard never carries it.
 */
export function ManageBooking({ booking, token }: { booking: BookingStatus; token: string }) {
  const actions = booking.actions;
  const [panel, setPanel] = useState<'none' | 'reschedule' | 'cancel'>('none');
  const [moved, setMoved] = useState(false);
  const utils = trpc.useUtils();
  if (!actions) return null;
  // The page's own query may carry Stripe's session id too: read it again rather than guess its key.
  const show = () => void utils.booking.status.invalidate({ reference: booking.reference });

  return (
    <Card className="grid gap-4 p-4 sm:p-5">
      <div>
        <h2 className="text-lg font-semibold text-slate-900">Change or cancel</h2>
        <p className="mt-1 text-sm text-slate-700" data-testid="policy-sentence">
          {actions.policy.sentence} {actions.policy.reschedule}
        </p>
      </div>
      {moved ? (
        <p role="status" className="text-sm font-semibold text-emerald-800">
          Your booking has been moved. We have e-mailed you the new time.
        </p>
      ) : null}
      <div className="flex flex-wrap gap-3">
        <Action
          rule={actions.reschedule}
          id="reschedule-why"
          onPress={() => setPanel(panel === 'reschedule' ? 'none' : 'reschedule')}
        >
          Reschedule
        </Action>
        <Action rule={actions.cancel} id="cancel-why" onPress={() => setPanel('cancel')}>
          Cancel appointment
        </Action>
      </div>
      <Unavailable rule={actions.reschedule} id="reschedule-why" what="Rescheduling" />
      <Unavailable rule={actions.cancel} id="cancel-why" what="Cancelling" />
      {panel === 'reschedule' && actions.reschedule.allowed ? (
        <ReschedulePanel
          booking={booking}
          token={token}
          onMoved={() => {
            show();
            setMoved(true);
            setPanel('none');
          }}
          onClose={() => setPanel('none')}
        />
      ) : null}
      {actions.cancel.allowed ? (
        <CancelDialog
          booking={booking}
          token={token}
          rule={actions.cancel}
          sentence={actions.policy.sentence}
          isOpen={panel === 'cancel'}
          onClose={() => setPanel('none')}
          onCancelled={show}
        />
      ) : null}
    </Card>
  );
}

function Action({
  rule,
  id,
  onPress,
  children,
}: {
  rule: Actions['cancel'] | Actions['reschedule'];
  id: string;
  onPress: () => void;
  children: string;
}) {
  return (
    <Button
      variant="secondary"
      isDisabled={!rule.allowed}
      onPress={onPress}
      {...(rule.allowed ? {} : { 'aria-describedby': id })}
    >
      {children}
    </Button>
  );
}

function Unavailable({
  rule,
  id,
  what,
}: {
  rule: Actions['cancel'] | Actions['reschedule'];
  id: string;
  what: string;
}) {
  if (rule.allowed) return null;
  return (
    <p id={id} className="text-sm text-slate-700">
      <span className="font-semibold">{what} online is not available:</span> {rule.reason}
    </p>
  );
}
