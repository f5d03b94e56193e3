import { STRIPE_MODE_LABELS } from '@clinicpay/contracts';
import { BusyButton, Card, DetailList, Drawer, LoadingRegion, Skeleton } from '@clinicpay/ui';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { isUnauthorized, messageOf } from '../api-errors.js';
import { QueryError } from '../components/query-states.js';
import { useTimeZone } from '../components/use-clinic.js';
import { formatDateTime } from '../format/clinic-time.js';
import { notify } from '../toasts.js';
import { trpc } from '../trpc.js';
import { outcomeLabel } from './webhook-query.js';
import { WebhookStateBadge } from './webhook-state-badge.js';

const REPLAY_RESULTS = {
  processed: {
    title: 'Event processed',
    description: 'Its effect has been applied now.',
    tone: 'success',
  },
  already_processed: {
    title: 'Already processed',
    description: 'It had taken effect before; nothing changed.',
    tone: 'info',
  },
  failed: {
    title: 'The event failed again',
    description: 'See its error; fix the cause (often the Stripe settings) and replay it.',
    tone: 'error',
  },
} as const;

/** One event (route /webhooks/:eventId): what it did, its payload as Stripe sent it, and Replay. */
export function WebhookEventDrawer() {
  const { eventId = '' } = useParams();
  const navigate = useNavigate();
  const { search } = useLocation();
  const timeZone = useTimeZone();
  const utils = trpc.useUtils();
  const event = trpc.admin.webhookEvents.get.useQuery({ eventId });
  const replay = trpc.admin.webhookEvents.replay.useMutation({
    onSuccess: (result) => {
      utils.admin.webhookEvents.get.setData({ eventId }, result.event);
      void utils.admin.webhookEvents.list.invalidate();
      void utils.admin.transactions.invalidate();
      notify({
        ...REPLAY_RESULTS[result.result as keyof typeof REPLAY_RESULTS],
        description: `${result.event.type} · ${REPLAY_RESULTS[result.result as keyof typeof REPLAY_RESULTS].description}`,
      });
    },
    onError: (error) => {
      if (!isUnauthorized(error))
        notify({ title: 'Replay failed.', description: messageOf(error), tone: 'error' });
    },
  });
  const data = event.data;
  return (
    <Drawer
      isOpen
      onOpenChange={(open) => {
        if (!open) void navigate({ pathname: '/webhooks', search });
      }}
      title={data ? data.type : 'Webhook event'}
      subtitle={data ? `${data.id} · ${formatDateTime(data.receivedAt, timeZone)}` : undefined}
      closeLabel="Close the event"
    >
      <QueryError query={event} title="This event could not be loaded." />
      {data ? (
        <>
          <Card className="p-4">
            <DetailList
              items={[
                { label: 'State', value: <WebhookStateBadge state={data.state} /> },
                ...(data.outcome ? [{ label: 'Outcome', value: outcomeLabel(data.outcome) }] : []),
                ...(data.error
                  ? [{ label: 'Error', value: <span className="text-red-800">{data.error}</span> }]
                  : []),
                { label: 'Mode', value: STRIPE_MODE_LABELS[data.mode] },
                { label: 'Received', value: formatDateTime(data.receivedAt, timeZone) },
                {
                  label: 'Processed',
                  value: data.processedAt ? formatDateTime(data.processedAt, timeZone) : 'Not yet',
                },
                { label: 'Attempts', value: data.attempts },
                ...(data.objectId
                  ? [
                      {
                        label: 'Stripe object',
                        value: <code className="font-mono text-xs break-all">{data.objectId}</code>,
                      },
                    ]
                  : []),
                ...(data.paymentId
                  ? [
                      {
                        label: 'Payment',
                        value: (
                          <Link
                            to={`/transactions/${data.paymentId}`}
                            className="font-semibold text-brand-800 underline underline-offset-2"
                          >
                            Open the transaction
                          </Link>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
            <div className="mt-4">
              <BusyButton
                variant={data.state === 'processed' ? 'secondary' : 'primary'}
                isBusy={replay.isPending}
                busyLabel="Replaying…"
                onPress={() => replay.mutate({ eventId })}
              >
                Replay event
              </BusyButton>
              <p className="mt-2 text-sm text-slate-600">
                Replaying runs the event through the same code as a delivery from Stripe; an event
                that already took effect is only acknowledged.
              </p>
            </div>
          </Card>
          <Card className="p-4">
            <h3 className="mb-2 text-base font-semibold text-slate-900">Payload</h3>
            <pre
              tabIndex={0}
              aria-label="Event payload"
              className="max-h-96 overflow-auto rounded-lg bg-slate-900 p-3 font-mono text-xs text-slate-100"
            >
              {JSON.stringify(data.payload, null, 2)}
            </pre>
          </Card>
        </>
      ) : event.isPending ? (
        <LoadingRegion label="Loading the event…">
          <Skeleton className="h-40 w-full" />
        </LoadingRegion>
      ) : null}
    </Drawer>
  );
}
