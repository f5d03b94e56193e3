import type { ButtonVariant } from './button.js';
import { cx } from './cx.js';

// For a native <button> or a link that should look like Button, without React Aria's press
// machinery: the booking SPA's first screen uses it to stay inside its bundle budget, and links
// (a download, "start again") need a button's looks but a link's semantics.
const base =
  'inline-flex min-h-11 items-center justify-center gap-2 rounded-lg px-4 text-sm font-semibold transition-[color,background-color] disabled:cursor-not-allowed disabled:opacity-50';

const variants: Record<ButtonVariant, string> = {
  primary: 'bg-brand-700 text-white hover:bg-brand-800 active:bg-brand-900',
  secondary:
    'bg-white text-slate-800 ring-1 ring-slate-300 ring-inset hover:bg-slate-50 active:bg-slate-100',
};

/** Button's classes for a native element: `<a className={buttonClass('secondary')}>`. */
export function buttonClass(variant: ButtonVariant = 'primary', extra?: string): string {
  return cx(base, variants[variant], extra);
}
