// The proof-of-work widget, loaded only when the API asks for a challenge: its code, and the
// worker it solves in, are files of this app's own origin (the page's CSP allows nothing else).
import 'altcha/external';
import type { Challenge } from 'altcha/types';
import ShaWorker from 'altcha/workers/sha?worker';

for (const algorithm of ['SHA-256', 'SHA-384', 'SHA-512'])
  globalThis.$altcha.algorithms.set(algorithm, () => new ShaWorker());

/** Solves a challenge out of sight and answers the payload the API checks, or null if it failed. */
export async function solveChallenge(challenge: Challenge): Promise<string | null> {
  const widget = document.createElement('altcha-widget');
  widget.hidden = true;
  document.body.append(widget);
  try {
    await mounted(widget);
    await widget.configure({
      challenge,
      display: 'invisible',
      auto: 'off',
      hideLogo: true,
      hideFooter: true,
      minDuration: 0,
    });
    return (await widget.verify())?.payload ?? null;
  } finally {
    widget.remove();
  }
}

/** The element's methods exist once its component has mounted, a moment after it is attached. */
async function mounted(widget: HTMLElementTagNameMap['altcha-widget']): Promise<void> {
  for (let i = 0; i < 100 && typeof widget.configure !== 'function'; i++)
    await new Promise((resolve) => setTimeout(resolve, 10));
}
