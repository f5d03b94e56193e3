import { PageHeading, useDocumentTitle } from '@clinicpay/ui';
import { keepPreviousData } from '@tanstack/react-query';
import { Outlet, useSearchParams } from 'react-router';
import { KeysetPager } from '../components/keyset-pager.js';
import { QueryError } from '../components/query-states.js';
import { useTimeZone } from '../components/use-clinic.js';
import { useKeysetPages } from '../components/use-keyset-pages.js';
import { useReturnFocus } from '../components/use-return-focus.js';
import { trpc } from '../trpc.js';
import { WebhookEventsTable } from './webhook-events-table.js';
import { WebhookFilterForm } from './webhook-filter-form.js';
import { parseWebhookQuery, toWebhookInput, webhookSearchParams } from './webhook-query.js';

const PAGE_SIZE = 50;

/** The webhook log: what Stripe sent, when, what it did; an event opens with its payload and Replay. */
export function WebhookLogPage() {
  useDocumentTitle('Webhook log · Clinic admin');
  useReturnFocus('/webhooks');
  const timeZone = useTimeZone();
  const [params, setParams] = useSearchParams();
  const query = parseWebhookQuery(params);
  const input = toWebhookInput(query);
  const pages = useKeysetPages(JSON.stringify(input));
  const list = trpc.admin.webhookEvents.list.useQuery(
    { ...input, limit: PAGE_SIZE, ...(pages.cursor ? { cursor: pages.cursor } : {}) },
    { placeholderData: keepPreviousData },
  );
  const search = params.toString() ? `?${params.toString()}` : '';
  return (
    <>
      <PageHeading
        title="Webhook log"
        description="Every event Stripe delivered, verified and stored before it took effect. Replay one that failed."
      />
      <WebhookFilterForm query={query} onApply={(next) => setParams(webhookSearchParams(next))} />
      <QueryError query={list} title="The webhook log could not be loaded." />
      {list.isError ? null : (
        <WebhookEventsTable
          rows={list.data?.rows}
          timeZone={timeZone}
          search={search}
          isRefreshing={list.isPlaceholderData}
        />
      )}
      <KeysetPager
        noun="events"
        pageIndex={pages.pageIndex}
        pageSize={PAGE_SIZE}
        rowsOnPage={list.data?.rows.length ?? 0}
        hasNext={Boolean(list.data?.nextCursor)}
        isFetching={list.isFetching}
        onPrevious={() => pages.previous()}
        onNext={() => list.data?.nextCursor && pages.next(list.data.nextCursor)}
      />
      <Outlet />
    </>
  );
}
