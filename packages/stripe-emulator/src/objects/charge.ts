/** Builds charges: the successful one behind a paid intent, or the failed one a decline leaves. */
import type Stripe from 'stripe';
import { newId, randomAlnum } from '../ids';
import type { TestCard } from '../payments/test-cards';
import type { CardFailure } from './payment-intent';

export interface ChargeInput {
  /** A new id unless given. */
  id?: string | undefined;
  paymentIntent: Stripe.PaymentIntent;
  paymentMethodId: string;
  card: TestCard;
  created: number;
  billing: { email: string | null; name: string | null };
  baseUrl: string;
  /** Absent for a successful charge. */
  failure?: CardFailure;
}

function outcome(failure: ChargeInput['failure']): Stripe.Charge.Outcome {
  if (!failure) {
    return {
      advice_code: null,
      network_advice_code: null,
      network_decline_code: null,
      network_status: 'approved_by_network',
      reason: null,
      risk_level: 'normal',
      risk_score: 20,
      seller_message: 'Payment complete.',
      type: 'authorized',
    };
  }
  return {
    advice_code:
      failure.declineCode === 'insufficient_funds' ? 'try_again_later' : 'do_not_try_again',
    network_advice_code: null,
    network_decline_code: null,
    network_status: 'declined_by_network',
    reason: failure.declineCode ?? failure.code,
    risk_level: 'normal',
    risk_score: 30,
    seller_message: 'The bank did not return any further details with this decline.',
    type: 'issuer_declined',
  };
}

function cardDetails(
  card: TestCard,
  amount: number | null,
): Stripe.Charge.PaymentMethodDetails.Card {
  return {
    amount_authorized: amount,
    authorization_code: amount === null ? null : randomAlnum(6).toUpperCase(),
    brand: card.brand,
    checks: { address_line1_check: null, address_postal_code_check: null, cvc_check: 'pass' },
    electronic_commerce_indicator: null,
    country: card.country,
    exp_month: card.expMonth,
    exp_year: card.expYear,
    extended_authorization: { status: 'disabled' },
    fingerprint: card.fingerprint,
    funding: card.funding,
    incremental_authorization: { status: 'unavailable' },
    installments: null,
    last4: card.last4,
    mandate: null,
    multicapture: { status: 'unavailable' },
    network: card.brand,
    network_token: { used: false },
    network_transaction_id: amount === null ? null : randomAlnum(15),
    overcapture: { maximum_amount_capturable: amount ?? 0, status: 'unavailable' },
    regulated_status: 'unregulated',
    three_d_secure: null,
    transaction_link_id: null,
    wallet: null,
  };
}

export function buildCharge(input: ChargeInput): Stripe.Charge {
  const pi = input.paymentIntent;
  const succeeded = !input.failure;
  const id = input.id ?? newId('ch', 24);
  return {
    id,
    object: 'charge',
    amount: pi.amount,
    amount_captured: succeeded ? pi.amount : 0,
    amount_refunded: 0,
    application: null,
    application_fee: null,
    application_fee_amount: null,
    balance_transaction: succeeded ? newId('txn', 24) : null,
    billing_details: {
      address: null,
      email: input.billing.email,
      name: input.billing.name,
      phone: null,
      tax_id: null,
    },
    calculated_statement_descriptor: 'CLINICPAY',
    captured: succeeded,
    created: input.created,
    currency: pi.currency,
    customer: null,
    description: pi.description,
    disputed: false,
    failure_balance_transaction: null,
    failure_code: input.failure?.code ?? null,
    failure_message: input.failure?.message ?? null,
    fraud_details: {},
    livemode: pi.livemode,
    // Stripe copies the payment intent's metadata onto its charges.
    metadata: { ...pi.metadata },
    on_behalf_of: null,
    outcome: outcome(input.failure),
    paid: succeeded,
    payment_intent: pi.id,
    payment_method: input.paymentMethodId,
    payment_method_details: {
      card: cardDetails(input.card, succeeded ? pi.amount : null),
      type: 'card',
    },
    radar_options: {},
    receipt_email: pi.receipt_email,
    receipt_number: null,
    receipt_url: succeeded ? `${input.baseUrl}/receipts/${id}` : null,
    refunded: false,
    review: null,
    shipping: null,
    source: null,
    source_transfer: null,
    statement_descriptor: pi.statement_descriptor,
    statement_descriptor_suffix: pi.statement_descriptor_suffix,
    status: succeeded ? 'succeeded' : 'failed',
    transfer_data: null,
    transfer_group: null,
  };
}

export type BankDebitChargeInput = Omit<ChargeInput, 'card' | 'failure'> & {
  method: 'us_bank_account' | 'sepa_debit';
};

// buildCharge fills card details that a bank debit then replaces; this card is never shown.
const NO_CARD: TestCard = {
  number: '',
  brand: 'visa',
  funding: 'debit',
  country: 'US',
  last4: '',
  expMonth: 1,
  expYear: 2000,
  fingerprint: '',
  behaviour: { kind: 'succeed' },
};

/** What a test bank account shows: Stripe's test routing number or IBAN, ending in 6789 / 3000. */
function bankDetails(method: BankDebitChargeInput['method']): Stripe.Charge.PaymentMethodDetails {
  if (method === 'us_bank_account') {
    return {
      type: 'us_bank_account',
      us_bank_account: {
        account_holder_type: 'individual',
        account_type: 'checking',
        bank_name: 'STRIPE TEST BANK',
        fingerprint: 'fpusbank00006789',
        last4: '6789',
        payment_reference: null,
        routing_number: '110000000',
      },
    };
  }
  return {
    type: 'sepa_debit',
    sepa_debit: {
      bank_code: '37040044',
      branch_code: null,
      country: 'DE',
      fingerprint: 'fpsepa0000003000',
      last4: '3000',
      mandate: newId('mandate', 24),
    },
  };
}

/**
 * The charge of a bank debit, `pending` until the bank answers days later; the emulator then
 * marks it succeeded or failed (`payments/pay-delayed.ts`).
 */
export function buildBankDebitCharge(input: BankDebitChargeInput): Stripe.Charge {
  const charge = buildCharge({ ...input, card: NO_CARD });
  return {
    ...charge,
    status: 'pending',
    paid: false,
    payment_method_details: bankDetails(input.method),
    outcome: {
      advice_code: null,
      network_advice_code: null,
      network_decline_code: null,
      network_status: 'approved_by_network',
      reason: null,
      risk_level: 'not_assessed',
      seller_message: 'Payment complete.',
      type: 'authorized',
    },
  };
}
