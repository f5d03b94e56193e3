import {
  Button as AriaButton,
  Text,
  UNSTABLE_Toast as AriaToast,
  UNSTABLE_ToastContent as ToastContent,
  UNSTABLE_ToastQueue as ToastQueue,
  UNSTABLE_ToastRegion as ToastRegion,
} from 'react-aria-components';
import { cx } from './cx.js';

export interface ToastContentValue {
  title: string;
  description?: string;
  tone?: 'success' | 'error' | 'info';
}

/** The app's one queue of toasts: `toasts.add({ title, tone })` from anywhere. */
export function createToastQueue() {
  return new ToastQueue<ToastContentValue>({ maxVisibleToasts: 4 });
}
export type Toasts = ReturnType<typeof createToastQueue>;

/** Shows a toast for a result and removes it after a while (errors stay until closed). */
export function toast(queue: Toasts, content: ToastContentValue): void {
  queue.add(content, content.tone === 'error' ? undefined : { timeout: 6000 });
}

const tones = {
  success: 'border-green-700',
  error: 'border-red-700',
  info: 'border-slate-500',
} as const;

/**
 * Where results appear ("Refund sent", "Settings saved"): a landmark that F6 reaches, each toast
 * announced by screen readers and closable with its button.
 */
export function ToastArea({ queue }: { queue: Toasts }) {
  return (
    <ToastRegion
      queue={queue}
      aria-label="Notifications"
      className="fixed right-4 bottom-4 left-4 z-50 flex flex-col-reverse gap-2 outline-none sm:left-auto sm:w-96"
    >
      {({ toast: item }) => (
        <AriaToast
          toast={item}
          className={cx(
            'flex items-start gap-3 rounded-xl border-l-4 bg-white p-4 shadow-lg ring-1 ring-slate-200 outline-none data-focus-visible:outline-2 data-focus-visible:outline-brand-600',
            tones[item.content.tone ?? 'info'],
          )}
        >
          <ToastContent className="min-w-0 flex-1">
            <Text slot="title" className="block text-sm font-semibold text-slate-900">
              {item.content.title}
            </Text>
            {item.content.description ? (
              <Text slot="description" className="mt-0.5 block text-sm text-slate-700">
                {item.content.description}
              </Text>
            ) : null}
          </ToastContent>
          <AriaButton
            slot="close"
            aria-label="Close notification"
            className="grid size-8 shrink-0 place-items-center rounded-md text-slate-600 data-focus-visible:outline-2 data-focus-visible:outline-brand-600 data-hovered:bg-slate-100"
          >
            <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4" fill="currentColor">
              <path d="M5.3 5.3a1 1 0 0 1 1.4 0L10 8.6l3.3-3.3a1 1 0 1 1 1.4 1.4L11.4 10l3.3 3.3a1 1 0 0 1-1.4 1.4L10 11.4l-3.3 3.3a1 1 0 0 1-1.4-1.4L8.6 10 5.3 6.7a1 1 0 0 1 0-1.4z" />
            </svg>
          </AriaButton>
        </AriaToast>
      )}
    </ToastRegion>
  );
}
