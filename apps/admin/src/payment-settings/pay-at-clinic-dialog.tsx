import { Button, Dialog } from '@clinicpay/ui';
import { Link } from 'react-router';

/** Pay at clinic has no settings beyond its switch: Manage explains how it works and where to act. */
export function PayAtClinicDialog({
  isOpen,
  onOpenChange,
}: {
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  return (
    <Dialog isOpen={isOpen} onOpenChange={onOpenChange} title="Pay at clinic">
      <div className="grid gap-3 text-sm text-slate-700">
        <p>The booking is confirmed at once and its payment shows as “Due at clinic”.</p>
        <p>
          When the patient pays at the front desk, open the appointment and choose “Mark paid at
          clinic”. If they do not come, mark it as a no-show.
        </p>
        <p>
          <Link
            to="/transactions?status=due_at_clinic"
            className="font-semibold text-brand-700 underline underline-offset-2"
            onClick={() => onOpenChange(false)}
          >
            See the payments due at the clinic
          </Link>
        </p>
      </div>
      <div className="mt-5 flex justify-end">
        <Button variant="secondary" onPress={() => onOpenChange(false)}>
          Close
        </Button>
      </div>
    </Dialog>
  );
}
