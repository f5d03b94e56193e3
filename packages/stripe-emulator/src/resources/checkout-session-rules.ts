/**
 * The checks Stripe makes on a new Checkout Session beyond parameter types: ui_mode and its
 * URLs, line items, one supported currency, the total within Stripe's minimum and maximum for
 * the currency (from the contracts money table), and `expires_at` 30 minutes to 24 hours out.
 */
import {
  chargeProblem,
  formatMoney,
  isSupportedCurrency,
  normalizeCurrencyCode,
  supportedCurrencyCodes,
} from '@clinicpay/contracts';
import { invalidParam, missingParam, resourceMissing } from '../errors';
import type { LineItemInput } from '../objects/checkout-session';
import type { CreateSessionParams, LineItemParams } from './checkout-session-params';

const MIN_EXPIRY_SECONDS = 30 * 60;
const MAX_EXPIRY_SECONDS = 24 * 3600;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const isEmbeddedUiMode = (uiMode: string) => uiMode !== 'hosted_page';

export function checkUrls(params: CreateSessionParams, uiMode: string): void {
  if (isEmbeddedUiMode(uiMode)) {
    for (const name of ['success_url', 'cancel_url'] as const) {
      if (params[name])
        throw invalidParam(`You cannot set \`${name}\` when \`ui_mode\` is \`${uiMode}\`.`, name);
    }
    if (params.redirect_on_completion === 'never') {
      if (params.return_url) {
        throw invalidParam(
          '`return_url` cannot be set when `redirect_on_completion` is `never`.',
          'return_url',
        );
      }
    } else if (!params.return_url) {
      throw missingParam('return_url');
    }
    return;
  }
  for (const name of ['return_url', 'redirect_on_completion'] as const) {
    if (params[name])
      throw invalidParam(
        `You can only set \`${name}\` when \`ui_mode\` is \`embedded_page\`.`,
        name,
      );
  }
}

function readCurrency(raw: string, param: string): string {
  if (!isSupportedCurrency(raw)) {
    throw invalidParam(
      `Invalid currency: ${raw.toLowerCase()}. Stripe currently supports these currencies: ${supportedCurrencyCodes().join(', ')}`,
      param,
    );
  }
  return normalizeCurrencyCode(raw);
}

function readLineItem(item: LineItemParams, i: number): LineItemInput {
  const path = `line_items[${i}]`;
  if (item.price) throw resourceMissing('price', item.price, `${path}[price]`);
  const data = item.price_data;
  if (!data) {
    throw invalidParam(
      'You must specify either `price` or `price_data` for each line item.',
      `${path}[price_data]`,
      'parameter_missing',
    );
  }
  if (item.quantity === undefined) throw missingParam(`${path}[quantity]`);
  if (data.recurring !== undefined) {
    throw invalidParam(
      'You must be in `subscription` mode to use recurring prices.',
      `${path}[price_data][recurring]`,
    );
  }
  let unitAmount = data.unit_amount;
  if (unitAmount === undefined && data.unit_amount_decimal !== undefined) {
    if (!/^\d{1,16}$/.test(data.unit_amount_decimal)) {
      throw invalidParam(
        'The emulator supports whole-unit `unit_amount_decimal` values only.',
        `${path}[price_data][unit_amount_decimal]`,
      );
    }
    unitAmount = Number(data.unit_amount_decimal);
  }
  if (unitAmount === undefined) throw missingParam(`${path}[price_data][unit_amount]`);
  if (data.product) throw resourceMissing('product', data.product, `${path}[price_data][product]`);
  if (!data.product_data) throw missingParam(`${path}[price_data][product_data]`);
  return {
    name: data.product_data.name,
    description: data.product_data.description ?? null,
    currency: readCurrency(data.currency, `${path}[price_data][currency]`),
    unitAmount,
    quantity: item.quantity,
    taxBehavior: data.tax_behavior ?? null,
  };
}

/** The line items, all in one currency (which the session's `currency`, if given, must match). */
export function readLineItems(params: CreateSessionParams): {
  items: LineItemInput[];
  currency: string;
} {
  const raw = params.line_items;
  if (!raw || raw.length === 0) throw missingParam('line_items');
  const items = raw.map(readLineItem);
  const currency = items[0]?.currency ?? 'usd';
  items.forEach((item, i) => {
    if (item.currency !== currency) {
      throw invalidParam(
        'All line items must use the same currency.',
        `line_items[${i}][price_data][currency]`,
      );
    }
  });
  if (params.currency && readCurrency(params.currency, 'currency') !== currency) {
    throw invalidParam(
      `The currency ${params.currency} does not match the line items' currency ${currency}.`,
      'currency',
    );
  }
  return { items, currency };
}

export function checkTotal(items: LineItemInput[], currency: string): number {
  const total = items.reduce((sum, item) => sum + item.unitAmount * item.quantity, 0);
  if (!Number.isSafeInteger(total))
    throw invalidParam('The total amount is too large.', 'line_items', 'amount_too_large');
  const problem = chargeProblem({ amount: total, currency });
  if (!problem) return total;
  const money = (amount: number) => `${formatMoney({ amount, currency }, 'en-US')} ${currency}`;
  switch (problem.reason) {
    case 'below_minimum':
      throw invalidParam(
        `The Checkout Session's total amount due must add up to at least ${money(problem.limit)}`,
        undefined,
        'amount_too_small',
      );
    case 'above_maximum':
      throw invalidParam(
        `The Checkout Session's total amount due must be no more than ${money(problem.limit)}`,
        undefined,
        'amount_too_large',
      );
    case 'not_a_multiple_of_step':
      throw invalidParam(
        `Amounts in ${currency} must be a multiple of ${problem.step} (the last digits must be 0).`,
        'line_items',
        'invalid_charge_amount',
      );
  }
}

export function readExpiresAt(expiresAt: number | undefined, now: number): number {
  if (expiresAt === undefined) return now + MAX_EXPIRY_SECONDS;
  if (expiresAt - now < MIN_EXPIRY_SECONDS) {
    throw invalidParam(
      'The `expires_at` timestamp must be at least 30 minutes from Checkout Session creation.',
      'expires_at',
    );
  }
  if (expiresAt - now > MAX_EXPIRY_SECONDS) {
    throw invalidParam(
      'The `expires_at` timestamp must be less than 24 hours from Checkout Session creation.',
      'expires_at',
    );
  }
  return expiresAt;
}

export function readEmail(email: string | undefined): string | null {
  if (email === undefined) return null;
  if (!EMAIL.test(email))
    throw invalidParam(`Invalid email address: ${email}`, 'customer_email', 'email_invalid');
  return email;
}
