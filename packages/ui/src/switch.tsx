import type { ReactNode } from 'react';
import { Switch as AriaSwitch, type SwitchProps as AriaSwitchProps } from 'react-aria-components';
import { cx } from './cx.js';

export interface SwitchProps extends Omit<AriaSwitchProps, 'children' | 'className'> {
  children: ReactNode;
  className?: string;
}

/** An on/off switch with its label beside it; Space toggles it, as a native checkbox. */
export function Switch({ children, className, ...props }: SwitchProps) {
  return (
    <AriaSwitch
      {...props}
      className={cx(
        'group inline-flex min-h-11 cursor-pointer items-center gap-3 text-sm font-semibold text-slate-900 data-disabled:cursor-not-allowed data-disabled:opacity-50',
        className,
      )}
    >
      {({ isSelected, isFocusVisible }) => (
        <>
          <span
            aria-hidden="true"
            className={cx(
              'flex h-6 w-11 shrink-0 items-center rounded-full p-0.5 transition-colors',
              isSelected ? 'bg-brand-700' : 'bg-slate-400',
              isFocusVisible && 'outline-2 outline-offset-2 outline-brand-600',
            )}
          >
            <span
              className={cx(
                'size-5 rounded-full bg-white shadow transition-transform',
                isSelected ? 'translate-x-5' : 'translate-x-0',
              )}
            />
          </span>
          {children}
        </>
      )}
    </AriaSwitch>
  );
}
