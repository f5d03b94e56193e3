import { Button, Notice } from '@clinicpay/ui';
import { CopyButton } from '../components/copy-button.js';

/** The recovery codes, shown this once: to print, copy or write down before going on. */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  return (
    <div className="grid gap-3">
      <Notice tone="warning" role="status">
        Save these recovery codes now: they are shown only this once. Each signs you in once if you
        lose your phone.
      </Notice>
      <ol
        aria-label="Recovery codes"
        className="grid grid-cols-2 gap-2 rounded-lg bg-slate-50 p-3 font-mono text-sm text-slate-900"
      >
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ol>
      <div className="flex flex-wrap gap-3">
        <CopyButton text={codes.join('\n')} what="Recovery codes" />
        <Button onPress={onDone}>I have saved them</Button>
      </div>
    </div>
  );
}
