import type { Stripe } from '@stripe/stripe-js';
import { loadStripe } from '@stripe/stripe-js/pure';

// `@stripe/stripe-js/pure` injects nothing until loadStripe runs. When the payment settings name
// a Stripe.js source (the emulator's stand-in in development and tests), that script is added
// first: loadStripe then uses the window.Stripe it defines. Unset, loadStripe loads js.stripe.com.

let cached: { key: string; promise: Promise<Stripe> } | null = null;

export function getStripe(scriptUrl: string | null, publishableKey: string): Promise<Stripe> {
  const key = `${scriptUrl ?? ''}|${publishableKey}`;
  if (cached?.key === key) return cached.promise;
  const promise = (scriptUrl ? injectScript(scriptUrl) : Promise.resolve())
    .then(() => loadStripe(publishableKey))
    .then((stripe) => {
      if (!stripe) throw new Error('Stripe.js is not available in this browser.');
      return stripe;
    });
  // A failed load (offline, blocked) is forgotten, so "Try again" really tries again.
  promise.catch(() => {
    if (cached?.key === key) cached = null;
  });
  cached = { key, promise };
  return promise;
}

function injectScript(src: string): Promise<void> {
  if (window.Stripe) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.async = true;
    script.onload = () => resolve();
    script.onerror = () => {
      script.remove();
      reject(new Error(`Stripe.js could not be loaded from ${src}.`));
    };
    document.head.appendChild(script);
  });
}
