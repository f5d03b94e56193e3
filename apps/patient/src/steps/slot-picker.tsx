import { cx } from '@clinicpay/ui';
import { formatLocalDate, formatTime } from '../clinic-time.js';
import type { Slot } from '../trpc.js';

export interface SlotPickerProps {
  date: string;
  slots: Slot[];
  timeZone: string;
  selectedStartsAt: string | null;
  onChoose: (slot: Slot) => void;
}

/** The free times of one day, as buttons in the clinic's time. */
export function SlotPicker({ date, slots, timeZone, selectedStartsAt, onChoose }: SlotPickerProps) {
  const label = `Free times on ${formatLocalDate(date)}`;
  if (slots.length === 0) {
    return (
      <p className="rounded-xl border border-dashed border-slate-300 bg-white px-4 py-6 text-center text-sm text-slate-700">
        No free times on {formatLocalDate(date)}. Choose a day marked with a dot.
      </p>
    );
  }
  return (
    <section aria-label={label}>
      <h3 className="mb-2 font-semibold text-slate-900">{formatLocalDate(date)}</h3>
      <ul className="grid grid-cols-[repeat(auto-fill,minmax(5.5rem,1fr))] gap-2">
        {slots.map((slot) => {
          const selected = slot.startsAt === selectedStartsAt;
          return (
            <li key={slot.startsAt}>
              <button
                type="button"
                onClick={() => onChoose(slot)}
                aria-current={selected ? 'true' : undefined}
                className={cx(
                  'min-h-11 w-full rounded-lg border px-2 text-sm font-semibold whitespace-nowrap tabular-nums transition-colors',
                  selected
                    ? 'border-brand-700 bg-brand-700 text-white'
                    : 'border-slate-300 bg-white text-slate-900 hover:border-brand-700 hover:bg-brand-50',
                )}
              >
                {formatTime(slot.startsAt, timeZone)}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
