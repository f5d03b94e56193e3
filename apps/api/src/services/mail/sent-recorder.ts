import { recordMailSent, type SentMail } from '@clinicpay/db';
import type { AppDeps } from '../../deps.js';

/**
 * Records what the SMTP server accepted as it comes in, in few statements: each write takes every
 * message accepted while the one before it was written (a group commit). A message goes unrecorded
 * for one write at most, so a sender killed mid-batch leaves few to be sent a second time, where
 * one statement at the end of the batch would leave all of them.
 */
export function createSentRecorder(deps: Pick<AppDeps, 'db' | 'clock'>) {
  let waiting: SentMail[] = [];
  let writing: Promise<void> | null = null;
  let failure: Error | null = null;

  const writeWaiting = async () => {
    while (waiting.length > 0) {
      const batch = waiting;
      waiting = [];
      await recordMailSent(deps.db, batch, deps.clock.now());
    }
  };

  return {
    add(mail: SentMail): void {
      waiting.push(mail);
      writing ??= writeWaiting()
        // Kept for finish(): a write that fails leaves its rows to be taken over after the lease.
        .catch((error: unknown) => {
          failure ??= error instanceof Error ? error : new Error(String(error));
        })
        .finally(() => {
          writing = null;
        });
    },
    /** After the batch: everything recorded, or the first error. */
    async finish(): Promise<void> {
      await writing;
      await writeWaiting();
      if (failure) throw failure;
    },
  };
}
