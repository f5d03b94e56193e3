import { Button } from '@clinicpay/ui';
import { notify } from '../toasts.js';

export interface CopyButtonProps {
  text: string;
  /** What is copied, for the button's name and the toast: "Webhook URL". */
  what: string;
}

/** Copies a value to the clipboard and says so; where the clipboard is refused, says what to do. */
export function CopyButton({ text, what }: CopyButtonProps) {
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      notify({ title: `${what} copied`, description: text, tone: 'success' });
    } catch {
      notify({
        title: `The ${what} could not be copied.`,
        description:
          'Your browser refused access to the clipboard: select the text and copy it yourself.',
        tone: 'error',
      });
    }
  };
  return (
    <Button variant="secondary" onPress={() => void copy()} aria-label={`Copy ${what}`}>
      <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4" fill="currentColor">
        <path d="M7 3a2 2 0 0 0-2 2v1H4a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h7a2 2 0 0 0 2-2v-1h1a2 2 0 0 0 2-2V5a2 2 0 0 0-2-2H7zm6 12v1H4V8h1v5a2 2 0 0 0 2 2h6zM7 5h7v8H7V5z" />
      </svg>
      Copy
    </Button>
  );
}
