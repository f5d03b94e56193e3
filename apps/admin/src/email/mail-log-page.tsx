import { EmptyState } from '@clinicpay/ui';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { Breadcrumb } from '../components/breadcrumb.js';
import { ListPage } from '../components/list-page.js';
import { useTimeZone } from '../components/use-clinic.js';
import { useKeysetPages } from '../components/use-keyset-pages.js';
import { trpc } from '../trpc.js';
import { MailFilterForm } from './mail-filter-form.js';
import { mailLogColumns } from './mail-log-columns.js';
import { mailLogSearchParams, parseMailLogQuery, toMailLogInput } from './mail-log-query.js';

const PAGE_SIZE = 50;
/** While a message shown is on its way, the log looks again this often to show how it went. */
const WATCH_MS = 3000;

/** E-mail › E-mail log: every message, to whom, how sending went; Resend for one that did not go. */
export function MailLogPage() {
  const timeZone = useTimeZone();
  const [params, setParams] = useSearchParams();
  const query = parseMailLogQuery(params);
  const input = toMailLogInput(query);
  const pages = useKeysetPages(input, PAGE_SIZE);
  const list = trpc.admin.mail.list.useQuery(
    { ...input, ...pages.input },
    {
      ...pages.queryOptions,
      refetchInterval: ({ state }) =>
        state.data?.rows.some((row) => row.status === 'pending' || row.status === 'sending')
          ? WATCH_MS
          : false,
    },
  );
  const columns = useMemo(() => mailLogColumns(timeZone), [timeZone]);
  return (
    <>
      <Breadcrumb parent={{ to: '/email', label: 'E-mail' }} current="E-mail log" />
      <ListPage
        title="E-mail log"
        description="Every message to patients and to the clinic, newest first, and how sending went. Resend one that failed or was dropped."
        path="/email/log"
        filters={
          <MailFilterForm query={query} onApply={(next) => setParams(mailLogSearchParams(next))} />
        }
        list={list}
        pages={pages}
        errorTitle="The e-mail log could not be loaded."
        noun="messages"
        table={{
          columns,
          caption: 'E-mail messages, newest first',
          loadingLabel: 'Loading the e-mail log…',
          empty: query.status ? (
            <EmptyState title="No messages match this filter.">
              Choose All to see every message.
            </EmptyState>
          ) : (
            <EmptyState title="No e-mail yet.">
              Messages appear here as bookings are made, moved, cancelled and refunded, and when you
              send a test e-mail.
            </EmptyState>
          ),
        }}
      />
    </>
  );
}
