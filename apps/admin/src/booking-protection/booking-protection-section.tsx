import { Card, Skeleton } from '@clinicpay/ui';
import { QueryError } from '../components/query-states.js';
import { trpc } from '../trpc.js';
import { BulkCancelForm } from './bulk-cancel-form.js';
import { ProtectionSettingsForm } from './protection-settings-form.js';

/** On the Clinic page: the defences against a flood of online bookings, and the clean-up after one. */
export function BookingProtectionSection() {
  const protection = trpc.admin.bookingProtection.get.useQuery();
  return (
    <section aria-labelledby="booking-protection" className="grid gap-4">
      <h2 id="booking-protection" className="text-lg font-semibold text-slate-900">
        Booking protection
      </h2>
      <QueryError query={protection} title="The booking protection settings could not be loaded." />
      <Card className="p-4 sm:p-6">
        {protection.data ? (
          <ProtectionSettingsForm protection={protection.data} />
        ) : (
          <Skeleton className="h-40 w-full" />
        )}
      </Card>
      <h3 className="text-base font-semibold text-slate-900">Cancel a flood of bookings</h3>
      <Card className="p-4 sm:p-6">
        <BulkCancelForm />
      </Card>
    </section>
  );
}
