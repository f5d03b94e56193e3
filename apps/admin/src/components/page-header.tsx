import { PageHeading } from '@clinicpay/ui';
import type { ReactNode } from 'react';

/** The page's heading with its actions beside it (below it on a phone, with room before the content). */
export function PageHeader({
  title,
  description,
  actions,
}: {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <div className="mb-6 flex flex-wrap items-start justify-between gap-x-4 gap-y-3 [&>div:first-child]:mb-0">
      <PageHeading title={title} description={description} />
      {actions ? <div className="flex flex-wrap gap-2">{actions}</div> : null}
    </div>
  );
}
