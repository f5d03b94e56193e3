import { getCurrency, normalizeCurrencyCode } from './currency';

/** An amount of money: an integer of the currency's minor unit, and its ISO code. */
export interface Money {
  readonly amount: number;
  readonly currency: string;
}

/** Thrown when an amount is not a safe integer of minor units. */
export class InvalidAmountError extends Error {
  readonly code = 'invalid_amount' as const;
  constructor(message: string) {
    super(message);
    this.name = 'InvalidAmountError';
  }
}

/** Asserts an amount is a whole number JS can hold exactly (int8 columns can exceed that). */
export function assertSafeMinorUnits(amount: number): void {
  if (!Number.isSafeInteger(amount)) {
    throw new InvalidAmountError(`Amount must be a safe integer of minor units, got ${amount}`);
  }
}

/** Builds a Money after checking the amount and the currency; the code is stored lowercase. */
export function money(amount: number, currency: string): Money {
  assertSafeMinorUnits(amount);
  getCurrency(currency);
  return { amount, currency: normalizeCurrencyCode(currency) };
}

/** Why Stripe would refuse to charge an amount, or null when it would accept it. */
export type ChargeProblem =
  | { readonly reason: 'below_minimum'; readonly limit: number }
  | { readonly reason: 'above_maximum'; readonly limit: number }
  | { readonly reason: 'not_a_multiple_of_step'; readonly step: number };

/**
 * Checks an amount against Stripe's rules for the currency: its published minimum, its digit
 * limit, and the step (three-decimal amounts end in 0; ISK amounts are whole krónur).
 */
export function chargeProblem({ amount, currency }: Money): ChargeProblem | null {
  assertSafeMinorUnits(amount);
  const info = getCurrency(currency);
  const minimum = info.minimumCharge ?? info.step;
  if (amount < minimum) return { reason: 'below_minimum', limit: minimum };
  if (amount > info.maximumCharge) return { reason: 'above_maximum', limit: info.maximumCharge };
  if (amount % info.step !== 0) return { reason: 'not_a_multiple_of_step', step: info.step };
  return null;
}
