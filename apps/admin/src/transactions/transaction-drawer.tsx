import { Drawer, LoadingRegion, Skeleton } from '@clinicpay/ui';
import { useLocation, useNavigate, useParams } from 'react-router';
import { QueryError } from '../components/query-states.js';
import { useTimeZone } from '../components/use-clinic.js';
import { formatDateTime } from '../format/clinic-time.js';
import { trpc } from '../trpc.js';
import { TransactionDetails } from './transaction-details.js';

/**
 * One transaction in a panel over the list (route /transactions/:paymentId): closing it returns to
 * the list with its filters. While a refund is on its way to Stripe, the panel keeps reading, so
 * the result appears without a reload.
 */
export function TransactionDrawer() {
  const { paymentId = '' } = useParams();
  const navigate = useNavigate();
  const { search } = useLocation();
  const timeZone = useTimeZone();
  const transaction = trpc.admin.transactions.get.useQuery(
    { paymentId },
    {
      refetchInterval: (q) =>
        q.state.data?.refunds.some((r) => r.status === 'pending') ? 2000 : false,
    },
  );
  const data = transaction.data;
  return (
    <Drawer
      isOpen
      onOpenChange={(open) => {
        if (!open) void navigate({ pathname: '/transactions', search });
      }}
      title={data ? `Transaction ${data.appointment.reference}` : 'Transaction'}
      subtitle={
        data ? `${data.patient.name} · ${formatDateTime(data.createdAt, timeZone)}` : undefined
      }
      closeLabel="Close the transaction"
    >
      <QueryError query={transaction} title="This transaction could not be loaded." />
      {data ? (
        <TransactionDetails transaction={data} timeZone={timeZone} />
      ) : transaction.isPending ? (
        <LoadingRegion label="Loading the transaction…">
          <div className="grid gap-3">
            <Skeleton className="h-6 w-40" />
            <Skeleton className="h-40 w-full" />
          </div>
        </LoadingRegion>
      ) : null}
    </Drawer>
  );
}
