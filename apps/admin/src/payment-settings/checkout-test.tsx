import { Button, Notice } from '@clinicpay/ui';
import { getStripe } from '@clinicpay/ui/load-stripe';
import { useEffect, useRef, useState } from 'react';
import { messageOf } from '../api-errors.js';
import { trpc } from '../trpc.js';
import { NOT_CONFIGURED } from './not-configured-notice.js';

type Step =
  | { kind: 'idle' }
  | { kind: 'opening' }
  | { kind: 'open' }
  | { kind: 'paid' }
  | { kind: 'failed'; reason: string };

/**
 * Sandbox only: a throwaway Embedded Checkout made with the saved Secret API Key and mounted with
 * the saved Publishable Key, so keys from two Stripe accounts (which save fine, each on its own)
 * show Stripe's reason here, not at a patient's first booking.
 */
export function CheckoutTest() {
  const start = trpc.admin.stripeSettings.testCheckout.useMutation();
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const frame = useRef<HTMLDivElement>(null);
  const checkout = useRef<{ destroy(): void } | null>(null);
  useEffect(() => () => checkout.current?.destroy(), []);

  async function open() {
    checkout.current?.destroy();
    checkout.current = null;
    setStep({ kind: 'opening' });
    try {
      const test = await start.mutateAsync();
      const stripe = await getStripe(test.stripeJsUrl, test.publishableKey);
      const opened = await stripe.createEmbeddedCheckoutPage({
        clientSecret: test.clientSecret,
        onComplete: () => setStep({ kind: 'paid' }),
      });
      checkout.current = opened;
      opened.mount(frame.current!);
      setStep({ kind: 'open' });
    } catch (error) {
      setStep({ kind: 'failed', reason: reasonOf(error) });
    }
  }

  return (
    <section aria-labelledby="checkout-test-heading" className="grid gap-3 text-sm text-slate-800">
      <h2 id="checkout-test-heading" className="text-base font-semibold text-slate-900">
        Test the checkout
      </h2>
      <p>
        Opens the card form patients see, with the saved Sandbox keys. Pay with a test card such as
        4242 4242 4242 4242; no booking is made.
      </p>
      <div>
        <Button
          variant="secondary"
          onPress={() => void open()}
          isDisabled={step.kind === 'opening'}
        >
          {step.kind === 'opening' ? 'Opening…' : 'Test the checkout'}
        </Button>
      </div>
      {step.kind === 'failed' ? (
        <Notice tone="error" role="alert" title={`${NOT_CONFIGURED}: ${step.reason}`}>
          Check that the Publishable Key and the Secret API Key come from the same Stripe account
          (Developers › API keys), then save them again.
        </Notice>
      ) : null}
      {step.kind === 'paid' ? (
        <Notice tone="success" role="status" title="The test payment went through.">
          Card payments work with these keys.
        </Notice>
      ) : null}
      <div ref={frame} aria-live="polite" />
    </section>
  );
}

/**
 * Stripe's own sentence: from Stripe.js in the browser (a key of another account), or from the
 * API (which starts it with "Stripe gateway is not properly configured").
 */
function reasonOf(error: unknown): string {
  const fromApi = (error as { data?: unknown } | null)?.data !== undefined;
  const message = fromApi
    ? messageOf(error)
    : error instanceof Error
      ? error.message
      : String(error);
  return message.replace(new RegExp(`^${NOT_CONFIGURED}[:.]?\\s*`), '');
}
