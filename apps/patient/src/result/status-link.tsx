import { Button } from '@clinicpay/ui';
import { useState } from 'react';
import { statusLink } from '../booking-memory.js';

/** The link that opens this booking later, from any device, with a copy button. */
export function StatusLink({ reference, token }: { reference: string; token: string }) {
  const link = statusLink(reference, token);
  const [copied, setCopied] = useState(false);
  return (
    <div className="grid gap-2 rounded-xl border border-slate-200 bg-slate-50 p-4">
      <p className="text-sm text-slate-700">
        Keep this link to see your booking later, on any device. Anyone with it can see the booking,
        so share it only with people you trust.
      </p>
      <a
        href={link}
        className="text-sm font-semibold break-all text-brand-800 underline underline-offset-2"
      >
        {link}
      </a>
      <div className="flex items-center gap-3">
        <Button
          variant="secondary"
          onPress={() => {
            navigator.clipboard?.writeText(link).then(
              () => setCopied(true),
              () => setCopied(false),
            );
          }}
        >
          Copy link
        </Button>
        <span role="status" className="text-sm text-slate-700">
          {copied ? 'Link copied.' : ''}
        </span>
      </div>
    </div>
  );
}
