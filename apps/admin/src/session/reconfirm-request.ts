// A signal from the data layer (trpc.ts) to the page: "the API wants the password again before
// this action". The dialog (reconfirm-dialog.tsx) answers whether the admin confirmed; every call
// waiting at that moment shares the one answer, so a burst of calls asks once.

type Listener = () => void;
let listener: Listener | null = null;
let pending: { promise: Promise<boolean>; resolve: (confirmed: boolean) => void } | null = null;

/** The dialog registers itself; only one is mounted (in the signed-in layout). */
export function onReconfirmRequested(next: Listener): () => void {
  listener = next;
  return () => {
    if (listener === next) listener = null;
    // A dialog that goes away (signed out) leaves nobody to answer: the calls fail as they came.
    settleReconfirm(false);
  };
}

/** Asks the admin to confirm; resolves true once they have, false when they cancel. */
export function requestReconfirm(): Promise<boolean> {
  if (!listener) return Promise.resolve(false);
  if (!pending) {
    let resolve!: (confirmed: boolean) => void;
    const promise = new Promise<boolean>((r) => (resolve = r));
    pending = { promise, resolve };
    listener();
  }
  return pending.promise;
}

/** The dialog's answer. */
export function settleReconfirm(confirmed: boolean): void {
  pending?.resolve(confirmed);
  pending = null;
}
