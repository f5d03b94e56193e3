import { Card, cx } from '@clinicpay/ui';
import { Link } from 'react-router';
import type { Outputs } from '../trpc.js';

type Checklist = Outputs['clinic']['checklist'];

const ITEMS: { key: keyof Checklist['items']; label: string; to: string; how: string }[] = [
  {
    key: 'service',
    label: 'Add a service',
    to: '/services',
    how: 'What patients book, with its length and price.',
  },
  {
    key: 'doctorWithHours',
    label: 'Add a doctor with working hours',
    to: '/doctors',
    how: 'Then choose the services they offer on their page.',
  },
  {
    key: 'wayToPay',
    label: 'Turn on a way to pay',
    to: '/payment-settings',
    how: 'Stripe for cards, or Pay at clinic.',
  },
  {
    key: 'testBooking',
    label: 'Make a test booking',
    to: '/appointments',
    how: 'Book from the patient page; it is ticked once it is Confirmed or Cancelled.',
  },
];

/** The set-up checklist: each item links to where it is done, and is ticked from what is stored. */
export function SetupChecklist({ checklist }: { checklist: Checklist }) {
  return (
    <Card className="p-4 sm:p-6">
      <h2 className="text-base font-semibold text-slate-900">Get ready for online bookings</h2>
      <p className="mt-1 text-sm text-slate-600">
        {checklist.takingBookings
          ? 'Patients can book online now.'
          : 'Patients see that the clinic is not taking online bookings yet until the first three are done.'}
      </p>
      <ol aria-label="Set-up steps" className="mt-4 grid gap-2">
        {ITEMS.map((item) => {
          const done = checklist.items[item.key];
          return (
            <li key={item.key} className="flex items-start gap-3">
              <span
                aria-hidden="true"
                className={cx(
                  'mt-0.5 grid size-6 shrink-0 place-items-center rounded-full border text-sm',
                  done
                    ? 'border-emerald-700 bg-emerald-700 text-white'
                    : 'border-slate-400 text-transparent',
                )}
              >
                ✓
              </span>
              <div>
                <Link
                  to={item.to}
                  className="font-semibold text-brand-700 underline-offset-2 hover:underline"
                >
                  {item.label}
                  <span className="sr-only">{done ? ' (done)' : ' (to do)'}</span>
                </Link>
                <p className="text-sm text-slate-600">{item.how}</p>
              </div>
            </li>
          );
        })}
      </ol>
    </Card>
  );
}
