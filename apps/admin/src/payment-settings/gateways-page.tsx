import {
  Card,
  LoadingRegion,
  Notice,
  PageHeading,
  Skeleton,
  useDocumentTitle,
} from '@clinicpay/ui';
import { QueryError } from '../components/query-states.js';
import { trpc } from '../trpc.js';
import { GatewayRow } from './gateway-row.js';

/** Payment Settings: the payment gateways, each with its Enable switch and a Manage button. */
export function GatewaysPage() {
  useDocumentTitle('Payment Settings · Clinic admin');
  const gateways = trpc.admin.gateways.list.useQuery();
  const noneOn = gateways.data?.every((g) => !g.enabled) ?? false;
  return (
    <>
      <PageHeading
        title="Payment Settings"
        description="How patients can pay when they book. Turn a gateway on or off, or manage its settings."
      />
      <QueryError query={gateways} title="The payment gateways could not be loaded." />
      {noneOn ? (
        <Notice tone="warning" className="mb-4" title="No way to pay is on.">
          Patients can book only free services until you turn on Stripe or Pay at clinic.
        </Notice>
      ) : null}
      {gateways.data ? (
        <Card>
          <ul aria-label="Payment gateways" className="divide-y divide-slate-200">
            {gateways.data.map((gateway) => (
              <GatewayRow key={gateway.gateway} gateway={gateway} />
            ))}
          </ul>
        </Card>
      ) : gateways.isPending ? (
        <LoadingRegion label="Loading the payment gateways…">
          <Card className="grid gap-6 p-6">
            <Skeleton className="h-10 w-full" />
            <Skeleton className="h-10 w-full" />
          </Card>
        </LoadingRegion>
      ) : null}
    </>
  );
}
