import type { AppRouter } from '@clinicpay/api';
import type { TRPCLink } from '@trpc/client';
import { observable, type Unsubscribable } from '@trpc/server/observable';
import { appCodeOf } from '../api-errors.js';
import { requestReconfirm } from './reconfirm-request.js';

/**
 * Risky calls (Stripe keys, the team, refunds) are refused with `reconfirm_needed` when the
 * password was typed more than a few minutes ago. This link asks for it (reconfirm-dialog.tsx) and
 * sends the same call again once confirmed, so no page has to know: the refund dialog's button
 * simply takes a little longer. Cancelling the question fails the call with the API's sentence.
 */
export const reconfirmLink: TRPCLink<AppRouter> =
  () =>
  ({ op, next }) =>
    observable((observer) => {
      let current: Unsubscribable | null = null;
      let stopped = false;
      const attempt = (mayAsk: boolean) => {
        current = next(op).subscribe({
          next: (value) => observer.next(value),
          complete: () => observer.complete(),
          error: (error) => {
            if (!mayAsk || appCodeOf(error) !== 'reconfirm_needed') {
              observer.error(error);
              return;
            }
            void requestReconfirm().then((confirmed) => {
              if (stopped) return;
              if (confirmed) attempt(false);
              else observer.error(error);
            });
          },
        });
      };
      attempt(true);
      return () => {
        stopped = true;
        current?.unsubscribe();
      };
    });
