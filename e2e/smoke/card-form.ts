import type { FrameLocator } from 'playwright-core';

/** Stripe's test card that is always paid. */
export const PAID_CARD = { number: '4242 4242 4242 4242', expiry: '12 / 34', cvc: '123' };

/**
 * Fills Embedded Checkout's card form by its accessible names, which Stripe's page and the
 * emulator's share (card number, expiry, CVC, name, and e-mail or postal code where asked).
 */
export async function payWithTestCard(checkout: FrameLocator, name: string, email: string) {
  const fields: Array<[RegExp, string]> = [
    [/^email$/i, email],
    [/card number/i, PAID_CARD.number],
    [/^(expiry|expiration)/i, PAID_CARD.expiry],
    [/^(cvc|security code)/i, PAID_CARD.cvc],
    [/(name on card|cardholder name)/i, name],
    [/^(zip|postal code)/i, '10001'],
  ];
  await checkout.getByLabel(fields[1]![0]).first().waitFor({ timeout: 30_000 });
  for (const [label, value] of fields) {
    const field = checkout.getByLabel(label).first();
    // Fields a checkout does not ask for (a known e-mail, a postal code) are absent or hidden.
    if ((await field.count()) > 0 && (await field.isVisible())) await field.fill(value);
  }
  await checkout.getByRole('button', { name: /^Pay/ }).click();
}
