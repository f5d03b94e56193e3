/**
 * Stripe's documented test card numbers and what each does. A card either succeeds, is declined
 * (with Stripe's code, decline code and message), or asks for 3D Secure authentication.
 */

export type CardBehaviour =
  | { kind: 'succeed' }
  | { kind: 'decline'; code: string; declineCode: string | null; message: string }
  | { kind: 'authenticate' };

export interface TestCard {
  number: string;
  brand: 'visa' | 'mastercard' | 'amex';
  funding: 'credit' | 'debit';
  country: string;
  last4: string;
  expMonth: number;
  expYear: number;
  fingerprint: string;
  behaviour: CardBehaviour;
  /**
   * Refunds of this card's charges settle later, as Stripe's refund test cards do: `fails_later`
   * starts succeeded and fails (4000 0000 0000 5126), `pending` starts pending and succeeds
   * (4000 0000 0000 7726). Absent: refunds succeed at once.
   */
  refund?: RefundBehaviour;
}

export type RefundBehaviour = 'fails_later' | 'pending';

const DECLINED = 'Your card was declined.';

const decline = (
  declineCode: string,
  message = DECLINED,
  code = 'card_declined',
): CardBehaviour => ({
  kind: 'decline',
  code,
  declineCode,
  message,
});

const CARDS: Record<string, Pick<TestCard, 'brand' | 'funding' | 'behaviour' | 'refund'>> = {
  '4242424242424242': { brand: 'visa', funding: 'credit', behaviour: { kind: 'succeed' } },
  '4000056655665556': { brand: 'visa', funding: 'debit', behaviour: { kind: 'succeed' } },
  '5555555555554444': { brand: 'mastercard', funding: 'credit', behaviour: { kind: 'succeed' } },
  '378282246310005': { brand: 'amex', funding: 'credit', behaviour: { kind: 'succeed' } },
  '4000000000000002': { brand: 'visa', funding: 'credit', behaviour: decline('generic_decline') },
  '4000000000009995': {
    brand: 'visa',
    funding: 'credit',
    behaviour: decline('insufficient_funds', 'Your card has insufficient funds.'),
  },
  '4000000000009987': { brand: 'visa', funding: 'credit', behaviour: decline('lost_card') },
  '4000000000009979': { brand: 'visa', funding: 'credit', behaviour: decline('stolen_card') },
  '4000000000000069': {
    brand: 'visa',
    funding: 'credit',
    behaviour: decline('expired_card', 'Your card has expired.', 'expired_card'),
  },
  '4000000000000127': {
    brand: 'visa',
    funding: 'credit',
    behaviour: decline('incorrect_cvc', "Your card's security code is incorrect.", 'incorrect_cvc'),
  },
  '4000000000000119': {
    brand: 'visa',
    funding: 'credit',
    behaviour: {
      kind: 'decline',
      code: 'processing_error',
      declineCode: null,
      message: 'An error occurred while processing your card. Try again in a little bit.',
    },
  },
  '4000002500003155': { brand: 'visa', funding: 'credit', behaviour: { kind: 'authenticate' } },
  '4000002760003184': { brand: 'visa', funding: 'credit', behaviour: { kind: 'authenticate' } },
  '4000000000005126': {
    brand: 'visa',
    funding: 'credit',
    behaviour: { kind: 'succeed' },
    refund: 'fails_later',
  },
  '4000000000007726': {
    brand: 'visa',
    funding: 'credit',
    behaviour: { kind: 'succeed' },
    refund: 'pending',
  },
};

/** Named shortcuts for the cards tests use most. */
export const TEST_CARDS = {
  success: '4242424242424242',
  genericDecline: '4000000000000002',
  insufficientFunds: '4000000000009995',
  expiredCard: '4000000000000069',
  requiresAuthentication: '4000002500003155',
  refundFailsLater: '4000000000005126',
  refundPending: '4000000000007726',
} as const;

/** The test card for a number (spaces and dashes ignored), or null for an unknown number. */
export function findTestCard(number: string): TestCard | null {
  const digits = number.replace(/[\s-]/g, '');
  const card = CARDS[digits];
  if (!card) return null;
  return {
    number: digits,
    ...card,
    country: 'US',
    last4: digits.slice(-4),
    expMonth: 12,
    expYear: new Date().getUTCFullYear() + 3,
    // Stable per number, as Stripe's fingerprints are per card.
    fingerprint: `fp${digits.slice(-8)}${card.brand.slice(0, 4)}`,
  };
}

/** A made-up decline on any card: the control API's "decline this session" call. */
export function declineBehaviour(declineCode: string): CardBehaviour {
  if (declineCode === 'insufficient_funds')
    return decline(declineCode, 'Your card has insufficient funds.');
  if (declineCode === 'expired_card')
    return decline(declineCode, 'Your card has expired.', 'expired_card');
  return decline(declineCode);
}
