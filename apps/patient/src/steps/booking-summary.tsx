import { formatDuration } from '@clinicpay/ui';
import type { ReactNode } from 'react';
import { formatDate, formatTime, zoneName } from '../clinic-time.js';
import { formatPrice } from '../format-price.js';
import type { Service } from '../trpc.js';

export interface BookingSummaryProps {
  service: Service;
  doctorName: string;
  startsAt: string;
  timeZone: string;
  extra?: ReactNode;
}

/** What is being booked, and its price formatted for the currency. */
export function BookingSummary({
  service,
  doctorName,
  startsAt,
  timeZone,
  extra,
}: BookingSummaryProps) {
  const rows: [string, ReactNode][] = [
    ['Service', `${service.name} (${formatDuration(service.durationMinutes)})`],
    ['Doctor', doctorName],
    ['Date', formatDate(startsAt, timeZone)],
    ['Time', `${formatTime(startsAt, timeZone)} ${zoneName(timeZone, new Date(startsAt))}`],
    ['Price', formatPrice(service.price)],
  ];
  return (
    <div className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
      <h3 className="mb-3 font-semibold text-slate-900">Your appointment</h3>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
        {rows.map(([term, value]) => (
          <div key={term} className="contents">
            <dt className="text-slate-600">{term}</dt>
            <dd className="font-medium text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
      {extra}
    </div>
  );
}
