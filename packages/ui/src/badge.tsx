import type { ReactNode } from 'react';
import { cx } from './cx.js';

export type BadgeTone = 'green' | 'amber' | 'red' | 'slate' | 'blue' | 'violet';

// Each tone pairs a pale fill with a dark text of the same hue: 4.5:1 or better on its fill.
const tones: Record<BadgeTone, string> = {
  green: 'bg-green-50 text-green-800 ring-green-600/30',
  amber: 'bg-amber-50 text-amber-900 ring-amber-600/30',
  red: 'bg-red-50 text-red-800 ring-red-600/30',
  slate: 'bg-slate-100 text-slate-700 ring-slate-500/30',
  blue: 'bg-sky-50 text-sky-900 ring-sky-600/30',
  violet: 'bg-violet-50 text-violet-800 ring-violet-600/30',
};

export interface BadgeProps {
  tone?: BadgeTone;
  children: ReactNode;
  className?: string;
}

/** A short status word in a coloured pill. The word carries the meaning; colour only helps scanning. */
export function Badge({ tone = 'slate', children, className }: BadgeProps) {
  return (
    <span
      className={cx(
        'inline-flex items-center rounded-full px-2 py-0.5 text-xs font-semibold whitespace-nowrap ring-1 ring-inset',
        tones[tone],
        className,
      )}
    >
      {children}
    </span>
  );
}
