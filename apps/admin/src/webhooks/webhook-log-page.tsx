import { EmptyState } from '@clinicpay/ui';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { ListPage } from '../components/list-page.js';
import { useTimeZone } from '../components/use-clinic.js';
import { useKeysetPages } from '../components/use-keyset-pages.js';
import { trpc } from '../trpc.js';
import { webhookEventColumns } from './webhook-event-columns.js';
import { WebhookFilterForm } from './webhook-filter-form.js';
import { parseWebhookQuery, toWebhookInput, webhookSearchParams } from './webhook-query.js';

const PAGE_SIZE = 50;

/** The webhook log: what Stripe sent, when, what it did; an event opens with its payload and Replay. */
export function WebhookLogPage() {
  const timeZone = useTimeZone();
  const [params, setParams] = useSearchParams();
  const query = parseWebhookQuery(params);
  const input = toWebhookInput(query);
  const pages = useKeysetPages(input, PAGE_SIZE);
  const list = trpc.admin.webhookEvents.list.useQuery(
    { ...input, ...pages.input },
    pages.queryOptions,
  );
  const columns = useMemo(() => webhookEventColumns(timeZone), [timeZone]);
  return (
    <ListPage
      title="Webhook log"
      description="Every event Stripe delivered, verified and stored before it took effect. Replay one that failed."
      path="/webhooks"
      filters={
        <WebhookFilterForm query={query} onApply={(next) => setParams(webhookSearchParams(next))} />
      }
      list={list}
      pages={pages}
      errorTitle="The webhook log could not be loaded."
      noun="events"
      table={{
        columns,
        caption: 'Webhook events, newest first',
        loadingLabel: 'Loading webhook events…',
        empty: (
          <EmptyState title="No webhook events yet.">
            Events appear once Stripe sends them to the Webhook URL shown in Payment Settings ›
            Stripe.
          </EmptyState>
        ),
      }}
    />
  );
}
