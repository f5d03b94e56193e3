import type { ReactNode } from 'react';
import { cx } from './cx.js';

export interface NoticeProps {
  tone?: 'info' | 'warning' | 'error' | 'success';
  title?: ReactNode;
  children?: ReactNode;
  /** `alert` when it appears in answer to an action and must be read out at once. */
  role?: 'alert' | 'status';
  className?: string;
  id?: string;
}

const tones = {
  info: 'border-sky-200 bg-sky-50 text-sky-950',
  warning: 'border-amber-300 bg-amber-50 text-amber-950',
  error: 'border-red-200 bg-red-50 text-red-900',
  success: 'border-green-200 bg-green-50 text-green-950',
} as const;

/** A boxed message in the flow of the page: a warning about settings, a result, a hint. */
export function Notice({ tone = 'info', title, children, role, className, id }: NoticeProps) {
  return (
    <div
      id={id}
      role={role}
      className={cx('rounded-xl border p-4 text-sm', tones[tone], className)}
    >
      {title ? <p className="font-semibold">{title}</p> : null}
      {children ? <div className={title ? 'mt-1' : undefined}>{children}</div> : null}
    </div>
  );
}
