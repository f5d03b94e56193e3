import { Button, Card, cx } from '@clinicpay/ui';
import type { FormEventHandler, ReactNode } from 'react';

/**
 * A list's filters as one search form: applied together with "Apply filters" (or Enter in any
 * field), so the list does not reload on every keystroke.
 */
export function FilterBar({
  label,
  onSubmit,
  className,
  children,
}: {
  /** The form's name, e.g. "Filter transactions". */
  label: string;
  onSubmit: FormEventHandler<HTMLFormElement>;
  className?: string;
  children: ReactNode;
}) {
  return (
    <Card className="mb-4 p-4">
      <form
        noValidate
        role="search"
        aria-label={label}
        onSubmit={onSubmit}
        className={cx('grid gap-4', className)}
      >
        {children}
      </form>
    </Card>
  );
}

/** "Apply filters" and the button that goes back to the list's defaults. */
export function FilterActions({
  clearLabel,
  onClear,
}: {
  clearLabel: string;
  onClear: () => void;
}) {
  return (
    <div className="flex flex-wrap gap-2">
      <Button type="submit">Apply filters</Button>
      <Button variant="secondary" onPress={onClear}>
        {clearLabel}
      </Button>
    </div>
  );
}

/** The filters folded away under a summary; open by themselves while one of them narrows the list. */
export function MoreFilters({
  summary,
  isOn,
  children,
}: {
  /** The summary's words; " (on)" or a count is the caller's to add. */
  summary: string;
  isOn: boolean;
  children: ReactNode;
}) {
  return (
    <details open={isOn || undefined}>
      <summary className="flex min-h-11 cursor-pointer items-center text-sm font-semibold text-brand-800">
        {summary}
      </summary>
      <div className="grid gap-4 pt-2 sm:grid-cols-[repeat(2,minmax(0,1fr))] lg:grid-cols-[repeat(4,minmax(0,1fr))]">
        {children}
      </div>
    </details>
  );
}
