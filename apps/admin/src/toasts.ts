import { createToastQueue, toast, type ToastContentValue } from '@clinicpay/ui';

/** The app's one toast queue; ToastArea in app.tsx shows it. */
export const toasts = createToastQueue();

/** A result the admin should see wherever focus is: "Refund sent", "Settings saved". */
export function notify(content: ToastContentValue): void {
  toast(toasts, content);
}
