import { Card, formatDuration } from '@clinicpay/ui';
import { formatPrice } from '../format-price.js';
import type { Service } from '../trpc.js';

/** One service as a patient weighs it: what it is, how long it takes, what it costs. */
export function ServiceCard({ service }: { service: Service }) {
  return (
    <Card className="flex items-center justify-between gap-4 p-4 sm:p-5">
      <div className="min-w-0">
        <h3 className="font-semibold text-slate-900">{service.name}</h3>
        <p className="mt-1 text-sm text-slate-600">{formatDuration(service.durationMinutes)}</p>
      </div>
      <p className="shrink-0 text-right font-semibold text-slate-900 tabular-nums">
        {formatPrice(service.price)}
      </p>
    </Card>
  );
}
