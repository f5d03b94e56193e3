import { chargeProblem, formatMoney, getCurrency, minimumChargeFor } from '@clinicpay/contracts';
import { findActiveServicePrices, type Database, type Kysely } from '@clinicpay/db';
import type { FieldError } from '../../errors/app-error.js';

/**
 * The currency rule: Stripe charges in one currency, so every paid service must be priced in
 * it (charging ¥5000 for what the clinic meant as $50.00 is the mistake this prevents), and at or
 * above Stripe's minimum charge in it. The services to change are named.
 */
export async function currencyRuleProblems(
  db: Kysely<Database>,
  clinicId: string,
  currency: string,
): Promise<FieldError[]> {
  const code = currency.toUpperCase();
  const paid = (await findActiveServicePrices(db, clinicId)).filter((s) => s.price_amount > 0);
  const problems: FieldError[] = [];
  const elsewhere = paid.filter((s) => s.price_currency.toUpperCase() !== code);
  if (elsewhere.length > 0) {
    const names = elsewhere
      .map(
        (s) => `${s.name} (${formatMoney({ amount: s.price_amount, currency: s.price_currency })})`,
      )
      .join(', ');
    problems.push({
      path: 'currency',
      message: `These services are priced in another currency than ${code}: ${names}. Reprice them in ${code} first, or keep the currency they are priced in.`,
    });
  }
  getCurrency(code); // the input schema already refused currencies Stripe does not support
  const below = paid.filter(
    (s) =>
      s.price_currency.toUpperCase() === code &&
      chargeProblem({ amount: s.price_amount, currency: code })?.reason === 'below_minimum',
  );
  if (below.length > 0) {
    const minimum = formatMoney({ amount: minimumChargeFor(code), currency: code });
    const names = below
      .map((s) => `${s.name} (${formatMoney({ amount: s.price_amount, currency: code })})`)
      .join(', ');
    problems.push({
      path: 'currency',
      message: `Stripe's smallest charge in ${code} is ${minimum}. Raise the price of ${names}, or make it free.`,
    });
  }
  return problems;
}
