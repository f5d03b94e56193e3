import type { AuditFiltersInput, ExportTransactionsInput } from '@clinicpay/contracts';
import { buttonClass } from '@clinicpay/ui';

type Export =
  | { route: '/exports/transactions.csv'; input: ExportTransactionsInput }
  | { route: '/exports/audit.csv'; input: AuditFiltersInput };

/**
 * "Export CSV": a plain link to the API's GET route with the list's filters and order, so the
 * browser downloads every matching row (the API streams them page by page), not just this page.
 */
export function CsvExportLink({ route, input }: Export) {
  const href = `${route}?input=${encodeURIComponent(JSON.stringify(input))}`;
  return (
    <a href={href} download className={buttonClass('secondary')}>
      <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4" fill="currentColor">
        <path d="M10 3a1 1 0 0 1 1 1v7.6l2.3-2.3a1 1 0 1 1 1.4 1.4l-4 4a1 1 0 0 1-1.4 0l-4-4a1 1 0 1 1 1.4-1.4L9 11.6V4a1 1 0 0 1 1-1zM4 15a1 1 0 0 1 1 1h10a1 1 0 1 1 2 0 2 2 0 0 1-2 2H5a2 2 0 0 1-2-2 1 1 0 0 1 1-1z" />
      </svg>
      Export CSV
    </a>
  );
}
