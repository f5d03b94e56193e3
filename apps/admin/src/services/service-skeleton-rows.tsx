import { Skeleton } from '@clinicpay/ui';

/** Three placeholder rows with the table's shape, so the page doesn't jump when data arrives. */
export function ServiceSkeletonRows() {
  return [0, 1, 2].map((row) => (
    <tr key={row}>
      <td className="px-4 py-3.5">
        <Skeleton className="h-4 w-24 sm:w-40" />
      </td>
      <td className="px-4 py-3.5">
        <Skeleton className="h-4 w-12" />
      </td>
      <td className="px-4 py-3.5">
        <Skeleton className="ml-auto h-4 w-12" />
      </td>
    </tr>
  ));
}
