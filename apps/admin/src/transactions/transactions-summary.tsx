import { formatMoney } from '@clinicpay/contracts';
import { Card, cx, LoadingRegion, Skeleton } from '@clinicpay/ui';
import { QueryError } from '../components/query-states.js';
import { formatDate } from '../format/clinic-time.js';
import type { TransactionSummary } from './summary-totals.js';
import { totalsByCurrency } from './summary-totals.js';
import { RevenueChart } from './revenue-chart.js';

interface SummaryQuery {
  data: TransactionSummary | undefined;
  error: unknown;
  isError: boolean;
  isPending: boolean;
  errorUpdateCount: number;
  refetch: () => unknown;
}

/** Cards with the totals of what the filters match (the last 30 days without dates), and the chart. */
export function TransactionsSummary({ summary }: { summary: SummaryQuery }) {
  if (!summary.data) {
    return (
      <>
        <QueryError query={summary} title="The totals could not be loaded." />
        {summary.isPending ? (
          <LoadingRegion label="Loading the totals…">
            <div className="mb-6 grid grid-cols-2 gap-3 lg:grid-cols-5">
              {[0, 1, 2, 3, 4].map((i) => (
                <Skeleton key={i} className="h-20" />
              ))}
            </div>
          </LoadingRegion>
        ) : null}
      </>
    );
  }
  const data = summary.data;
  const period = `${formatDate(data.from, data.timeZone)} – ${formatDate(new Date(new Date(data.to).getTime() - 1), data.timeZone)}`;
  const currencies = totalsByCurrency(data);
  return (
    <section aria-labelledby="summary-heading" className="mb-6 grid gap-4">
      <h2 id="summary-heading" className="text-base font-semibold text-slate-900">
        Totals <span className="font-normal text-slate-600">· {period}</span>
      </h2>
      {currencies.length === 0 ? (
        <p className="text-sm text-slate-600">No payments in this period.</p>
      ) : null}
      {currencies.map((totals) => (
        <dl
          key={totals.currency}
          className="grid grid-cols-2 gap-3 lg:grid-cols-5"
          aria-label={`Totals in ${totals.currency.toUpperCase()}`}
        >
          <Figure
            label="Received"
            value={formatMoney({ amount: totals.received, currency: totals.currency })}
            note={plural(totals.paidCount, 'payment')}
          />
          <Figure
            label="Refunded"
            value={formatMoney({ amount: totals.refunded, currency: totals.currency })}
          />
          <Figure
            label="Net"
            value={formatMoney({ amount: totals.net, currency: totals.currency })}
          />
          <Figure
            label="Due at clinic"
            value={formatMoney({ amount: totals.dueAtClinic, currency: totals.currency })}
          />
          <Figure
            label="Failed or expired"
            value={String(totals.unsuccessful)}
            note="payments that took no money"
            className="col-span-2 lg:col-span-1"
          />
        </dl>
      ))}
      <RevenueChart days={data.dailyRevenue} />
    </section>
  );
}

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

function Figure({
  label,
  value,
  note,
  className,
}: {
  label: string;
  value: string;
  note?: string;
  className?: string;
}) {
  return (
    <Card className={cx('p-4', className)}>
      <dt className="text-sm font-medium text-slate-600">{label}</dt>
      <dd className="mt-1 text-xl font-semibold text-slate-900 tabular-nums">{value}</dd>
      {note ? <dd className="text-xs text-slate-600">{note}</dd> : null}
    </Card>
  );
}
