import {
  Button as AriaButton,
  composeRenderProps,
  type ButtonProps as AriaButtonProps,
} from 'react-aria-components';
import { cx } from './cx.js';

export type ButtonVariant = 'primary' | 'secondary';

export interface ButtonProps extends AriaButtonProps {
  variant?: ButtonVariant;
}

// Only colours animate: the focus ring must appear at once, not fade in from the text colour.
// React Aria sets data-hovered/data-pressed/data-disabled, so styles follow its interaction model
// (touch, keyboard and mouse alike) rather than raw CSS pseudo-classes.
const base =
  'inline-flex min-h-11 items-center justify-center gap-2 rounded-lg px-4 text-sm font-semibold transition-[color,background-color] data-disabled:cursor-not-allowed data-disabled:opacity-50';

const variants: Record<ButtonVariant, string> = {
  primary: 'bg-brand-700 text-white data-hovered:bg-brand-800 data-pressed:bg-brand-900',
  secondary:
    'bg-white text-slate-800 ring-1 ring-slate-300 ring-inset data-hovered:bg-slate-50 data-pressed:bg-slate-100',
};

export function Button({ variant = 'primary', className, ...props }: ButtonProps) {
  return (
    <AriaButton
      {...props}
      className={composeRenderProps(className, (extra) => cx(base, variants[variant], extra))}
    />
  );
}
