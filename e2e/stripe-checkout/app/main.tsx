/**
 * A tiny shop page around the real react-stripe-js Embedded Checkout, for the browser tests. The
 * query string says where the emulator is (`emulator`; absent: real Stripe.js), the publishable
 * key (`pk`), the session's client secret (`secret`) and how to pass it (`option`).
 */
import { EmbeddedCheckout, EmbeddedCheckoutProvider } from '@stripe/react-stripe-js';
import type { Stripe } from '@stripe/stripe-js';
import { loadStripe } from '@stripe/stripe-js/pure';
import { StrictMode, useCallback, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';

/**
 * As the patient SPA does with its STRIPE_JS_URL setting: load the emulator's stand-in first (when
 * given), so `loadStripe` finds `window.Stripe` and never asks js.stripe.com.
 */
async function loadStripeFrom(scriptUrl: string | null, key: string): Promise<Stripe | null> {
  if (scriptUrl) {
    await new Promise<void>((resolve, reject) => {
      const script = document.createElement('script');
      script.src = scriptUrl;
      script.onload = () => resolve();
      script.onerror = () => reject(new Error(`Could not load ${scriptUrl}`));
      document.head.appendChild(script);
    });
  }
  return loadStripe(key);
}

const query = new URLSearchParams(window.location.search);
const emulator = query.get('emulator');
const secret = query.get('secret') ?? '';
const stripePromise = loadStripeFrom(
  emulator ? `${emulator}/v3/stripe.js` : null,
  query.get('pk') ?? '',
);

function Shop() {
  const [mounted, setMounted] = useState(true);
  const [completions, setCompletions] = useState(0);
  const onComplete = useCallback(() => setCompletions((n) => n + 1), []);
  // Memoised, as react-stripe-js asks: options must not change between renders.
  const options = useMemo(
    () =>
      query.get('option') === 'clientSecret'
        ? { clientSecret: secret, onComplete }
        : { fetchClientSecret: () => Promise.resolve(secret), onComplete },
    [onComplete],
  );
  return (
    <main>
      <h1>Test shop</h1>
      <p role="status">
        {completions === 0
          ? 'Waiting for payment'
          : `Payment complete: onComplete called ${completions} time${completions > 1 ? 's' : ''}`}
      </p>
      <button type="button" onClick={() => setMounted((m) => !m)}>
        {mounted ? 'Unmount checkout' : 'Mount checkout'}
      </button>
      {mounted && (
        <EmbeddedCheckoutProvider stripe={stripePromise} options={options}>
          <EmbeddedCheckout className="checkout-frame" />
        </EmbeddedCheckoutProvider>
      )}
    </main>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('No #root');
// StrictMode mounts, unmounts and mounts again in development: the stand-in must cope.
createRoot(root).render(
  <StrictMode>
    <Shop />
  </StrictMode>,
);
