import { formatDuration } from '@clinicpay/ui';
import { formatPrice } from '../format-price.js';
import type { Service } from '../trpc.js';

export function ServiceRows({ services }: { services: Service[] }) {
  return services.map((service) => (
    <tr key={service.id}>
      <th scope="row" className="px-4 py-3 font-medium text-slate-900">
        {service.name}
      </th>
      <td className="px-4 py-3 whitespace-nowrap text-slate-600">
        {formatDuration(service.durationMinutes)}
      </td>
      <td className="px-4 py-3 text-right font-medium whitespace-nowrap text-slate-900 tabular-nums">
        {formatPrice(service.price)}
      </td>
    </tr>
  ));
}
