import { STRIPE_MODE_LABELS } from '@clinicpay/contracts';
import { Notice } from '@clinicpay/ui';
import { useTimeZone } from '../components/use-clinic.js';
import { formatDateTime } from '../format/clinic-time.js';
import { NOT_CONFIGURED } from './not-configured-notice.js';

export interface KeyRefusal {
  reason: string;
  at: string;
}

/**
 * Stripe refused the saved key after it was saved (rolled, revoked, a right taken away): patients
 * are offered Pay at clinic, or told card payment is unavailable, until the keys are saved again.
 */
export function KeyRefusedNotice({
  refusal,
  mode,
}: {
  refusal: KeyRefusal;
  mode: 'test' | 'live';
}) {
  const timeZone = useTimeZone();
  return (
    <Notice tone="error" role="alert" title={`${NOT_CONFIGURED}: ${refusal.reason}`}>
      <p>
        Stripe refused the saved {STRIPE_MODE_LABELS[mode]} Secret API Key on{' '}
        {formatDateTime(refusal.at, timeZone)}. Patients are not offered card payment until it works
        again.
      </p>
      <p className="mt-1">
        Copy a working key from Stripe's Dashboard (Developers › API keys) and save it below.
      </p>
    </Notice>
  );
}
