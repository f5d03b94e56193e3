import { formatMoney } from '@clinicpay/contracts';
import { Badge, Button, Card, cx, formatDuration } from '@clinicpay/ui';
import type { AdminService } from './service-form-values.js';

export interface ServicesTableProps {
  services: AdminService[];
  doctorNames: Map<string, string>;
  onEdit: (service: AdminService) => void;
  onDelete: (service: AdminService) => void;
  onRestore: (service: AdminService) => void;
}

const cell = 'px-3 py-3 align-top first:pl-4 last:pr-4';

/** The services with duration, price, doctors and whether patients can book them. */
export function ServicesTable({
  services,
  doctorNames,
  onEdit,
  onDelete,
  onRestore,
}: ServicesTableProps) {
  return (
    <Card className="relative overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Services, with duration, price and doctors</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs font-semibold tracking-wide text-slate-600 uppercase">
          <tr>
            <th scope="col" className={cell}>
              Service
            </th>
            <th scope="col" className={cell}>
              Duration
            </th>
            <th scope="col" className={cx(cell, 'text-right')}>
              Price
            </th>
            <th scope="col" className={cx(cell, 'hidden md:table-cell')}>
              Doctors
            </th>
            <th scope="col" className={cx(cell, 'hidden sm:table-cell')}>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {services.map((service) => {
            const actions = (
              <Actions
                service={service}
                onEdit={onEdit}
                onDelete={onDelete}
                onRestore={onRestore}
              />
            );
            return (
              <tr
                key={service.id}
                className={service.deleted ? 'bg-slate-50 text-slate-600' : undefined}
              >
                <th scope="row" className={cx(cell, 'font-semibold text-slate-900')}>
                  {service.name} {service.deleted ? <Badge tone="slate">Deleted</Badge> : null}
                  {/* On a phone the actions sit under the name; the actions column is left out. */}
                  <span className="mt-2 flex sm:hidden">{actions}</span>
                </th>
                <td className={cx(cell, 'whitespace-nowrap')}>
                  {formatDuration(service.durationMinutes)}
                </td>
                <td className={cx(cell, 'text-right whitespace-nowrap tabular-nums')}>
                  {service.price.amount === 0 ? 'Free' : formatMoney(service.price)}
                </td>
                <td className={cx(cell, 'hidden md:table-cell')}>
                  {service.doctorIds.map((id) => doctorNames.get(id) ?? 'Unknown').join(', ') ||
                    'Nobody yet'}
                </td>
                <td className={cx(cell, 'hidden text-right sm:table-cell')}>
                  <span className="inline-flex flex-wrap justify-end">{actions}</span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </Card>
  );
}

function Actions({
  service,
  onEdit,
  onDelete,
  onRestore,
}: { service: AdminService } & Omit<ServicesTableProps, 'services' | 'doctorNames'>) {
  if (service.deleted) {
    return (
      <Button
        variant="secondary"
        onPress={() => onRestore(service)}
        aria-label={`Restore ${service.name}`}
      >
        Restore
      </Button>
    );
  }
  return (
    <span className="flex gap-2">
      <Button
        variant="secondary"
        onPress={() => onEdit(service)}
        aria-label={`Edit ${service.name}`}
      >
        Edit
      </Button>
      <Button
        variant="secondary"
        onPress={() => onDelete(service)}
        aria-label={`Delete ${service.name}`}
      >
        Delete
      </Button>
    </span>
  );
}
