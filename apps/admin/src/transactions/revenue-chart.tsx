import { formatMoney } from '@clinicpay/contracts';
import { Card } from '@clinicpay/ui';
import { formatLocalDay } from '../format/clinic-time.js';
import type { TransactionSummary } from './summary-totals.js';

type Day = TransactionSummary['dailyRevenue'][number];

const WIDTH = 720;
const HEIGHT = 160;
const AXIS = 2;

/**
 * Money received per day (net of refunds) as a small SVG bar chart: no chart library for one
 * picture. The same numbers are in a table under "Show the numbers" for screen readers and anyone
 * who wants exact figures. One chart per currency; days are the clinic's calendar days.
 */
export function RevenueChart({ days }: { days: Day[] }) {
  const currencies = [...new Set(days.map((d) => d.currency))];
  if (currencies.length === 0) return null;
  return (
    <>
      {currencies.map((currency) => (
        <CurrencyChart
          key={currency}
          currency={currency}
          days={days.filter((d) => d.currency === currency)}
        />
      ))}
    </>
  );
}

function CurrencyChart({ currency, days }: { currency: string; days: Day[] }) {
  const max = Math.max(1, ...days.map((d) => d.gross));
  const slot = WIDTH / Math.max(days.length, 1);
  const bar = Math.max(2, slot * 0.7);
  const y = (amount: number) => HEIGHT - AXIS - (Math.max(0, amount) / max) * (HEIGHT - AXIS - 8);
  const money = (amount: number) => formatMoney({ amount, currency });
  const labelEvery = Math.ceil(days.length / 5);
  const title = `Daily revenue in ${currency.toUpperCase()}`;
  return (
    <Card className="p-4">
      <figure>
        <figcaption className="mb-2 flex flex-wrap items-baseline justify-between gap-2 text-sm">
          <span className="font-semibold text-slate-900">{title}</span>
          <span className="text-slate-600">
            <span
              aria-hidden="true"
              className="mr-1 inline-block size-2.5 rounded-sm bg-brand-600"
            />
            net received
            <span
              aria-hidden="true"
              className="mr-1 ml-3 inline-block size-2.5 rounded-sm bg-violet-300"
            />
            refunded · highest day {money(max)}
          </span>
        </figcaption>
        <svg
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          className="h-36 w-full"
          aria-hidden="true"
          preserveAspectRatio="none"
        >
          <line x1="0" x2={WIDTH} y1={HEIGHT - AXIS} y2={HEIGHT - AXIS} stroke="#cbd5e1" />
          {days.map((day, index) => {
            const x = index * slot + (slot - bar) / 2;
            return (
              <g key={day.day}>
                <rect
                  x={x}
                  width={bar}
                  y={y(day.gross)}
                  height={HEIGHT - AXIS - y(day.gross)}
                  className="fill-violet-300"
                />
                <rect
                  x={x}
                  width={bar}
                  y={y(day.net)}
                  height={HEIGHT - AXIS - y(day.net)}
                  className="fill-brand-600"
                />
              </g>
            );
          })}
        </svg>
        {/* Day labels in HTML, not SVG text: the SVG stretches to the card's width, text must not. */}
        <div aria-hidden="true" className="relative h-5 text-xs text-slate-600">
          {days.map((day, index) => {
            if (index % labelEvery !== 0) return null;
            const at = (index + 0.5) / days.length;
            // Centred under its bar, but kept inside the card at either end.
            const shift = at < 0.1 ? '0%' : at > 0.9 ? '-100%' : '-50%';
            return (
              <span
                key={day.day}
                className="absolute whitespace-nowrap"
                style={{ left: `${at * 100}%`, transform: `translateX(${shift})` }}
              >
                {formatLocalDay(day.day)}
              </span>
            );
          })}
        </div>
        <details className="mt-2 text-sm">
          <summary className="cursor-pointer font-semibold text-brand-800">
            Show the numbers
          </summary>
          <div
            className="mt-2 max-h-64 overflow-y-auto"
            tabIndex={0}
            role="region"
            aria-label={`${title}, as a table`}
          >
            <table className="w-full text-left">
              <thead className="text-xs text-slate-600 uppercase">
                <tr>
                  <th scope="col" className="py-1">
                    Day
                  </th>
                  <th scope="col" className="py-1 text-right">
                    Payments
                  </th>
                  <th scope="col" className="py-1 text-right">
                    Received
                  </th>
                  <th scope="col" className="py-1 text-right">
                    Refunded
                  </th>
                  <th scope="col" className="py-1 text-right">
                    Net
                  </th>
                </tr>
              </thead>
              <tbody className="tabular-nums">
                {days.map((day) => (
                  <tr key={day.day} className="border-t border-slate-100">
                    <th scope="row" className="py-1 font-normal">
                      {formatLocalDay(day.day)}
                    </th>
                    <td className="py-1 text-right">{day.count}</td>
                    <td className="py-1 text-right">{money(day.gross)}</td>
                    <td className="py-1 text-right">{money(day.refunded)}</td>
                    <td className="py-1 text-right">{money(day.net)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      </figure>
    </Card>
  );
}
