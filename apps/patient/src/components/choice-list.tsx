import { cx } from '@clinicpay/ui';
import type { ReactNode } from 'react';

export interface Choice {
  id: string;
  title: ReactNode;
  detail?: ReactNode;
  aside?: ReactNode;
}

export interface ChoiceListProps {
  /** The list's accessible name, e.g. "Services". */
  label: string;
  choices: Choice[];
  selectedId: string | null;
  onChoose: (id: string) => void;
}

/**
 * Options that each move the booking on: one native button per row (Enter or Space chooses), so
 * the first screen needs no widget library. The earlier choice is marked when a patient comes back.
 */
export function ChoiceList({ label, choices, selectedId, onChoose }: ChoiceListProps) {
  return (
    <ul aria-label={label} className="grid gap-3">
      {choices.map((choice) => {
        const selected = choice.id === selectedId;
        return (
          <li key={choice.id}>
            <button
              type="button"
              onClick={() => onChoose(choice.id)}
              aria-current={selected ? 'true' : undefined}
              className={cx(
                'flex min-h-11 w-full items-center justify-between gap-4 rounded-xl border bg-white p-4 text-left shadow-sm transition-colors hover:border-brand-700 hover:bg-brand-50 sm:p-5',
                selected ? 'border-brand-700 ring-1 ring-brand-700' : 'border-slate-200',
              )}
            >
              <span className="min-w-0">
                <span className="block font-semibold text-slate-900">{choice.title}</span>
                {choice.detail ? (
                  <span className="mt-1 block text-sm text-slate-600">{choice.detail}</span>
                ) : null}
              </span>
              <span className="flex shrink-0 items-center gap-3">
                {choice.aside ? (
                  <span className="text-right font-semibold text-slate-900 tabular-nums">
                    {choice.aside}
                  </span>
                ) : null}
                {selected ? (
                  <span className="text-sm font-semibold text-brand-800">Chosen</span>
                ) : null}
                <svg
                  aria-hidden="true"
                  viewBox="0 0 20 20"
                  className="size-5 text-slate-500"
                  fill="currentColor"
                >
                  <path d="M7.3 4.3a1 1 0 0 1 1.4 0l5 5a1 1 0 0 1 0 1.4l-5 5a1 1 0 0 1-1.4-1.4L11.6 10 7.3 5.7a1 1 0 0 1 0-1.4z" />
                </svg>
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
