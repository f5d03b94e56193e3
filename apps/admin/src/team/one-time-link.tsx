import { Notice } from '@clinicpay/ui';
import { CopyButton } from '../components/copy-button.js';

/**
 * A link the API returned because it could not e-mail it. It is shown only now (the API keeps
 * its hash alone), so the Owner copies it and passes it on.
 */
export function OneTimeLink({ link, what }: { link: string; what: string }) {
  return (
    <Notice tone="warning" role="status" title={`E-mail is off: pass this ${what} on yourself`}>
      <p className="mb-2">It is shown only now and works once.</p>
      <div className="flex flex-wrap items-center gap-2">
        <code className="min-w-0 flex-1 rounded bg-white px-2 py-1 text-xs break-all text-slate-900">
          {link}
        </code>
        <CopyButton text={link} what={what} />
      </div>
    </Notice>
  );
}
