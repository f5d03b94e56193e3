import { formatMoney, getCurrency, RefundPaymentInput, toMinorUnits } from '@clinicpay/contracts';
import { z } from 'zod';

export interface RefundFormValues {
  kind: 'full' | 'partial';
  amount: string;
  reason: string;
}

/** What was asked, in minor units: `undefined` amount means "all that is left" (the API's way). */
export interface RefundRequest {
  amount: number | undefined;
  /** The figure to confirm and show, in minor units. */
  shown: number;
  reason: string | undefined;
}

/**
 * The refund form's rules: a partial amount that fits the currency, above zero (the API's rule)
 * and at most what is left to refund; the API's rule for the reason.
 */
export function refundSchema(currency: string, refundable: number) {
  const digits = getCurrency(currency).decimalDigits;
  const example = digits === 0 ? '2500' : `25.${'0'.repeat(digits)}`;
  const left = formatMoney({ amount: refundable, currency });
  return z
    .object({
      kind: z.enum(['full', 'partial']),
      amount: z.string().trim(),
      reason: RefundPaymentInput.shape.reason.unwrap(),
    })
    .superRefine((values, ctx) => {
      if (values.kind !== 'partial') return;
      const minor = minorUnits(values.amount, currency);
      const refusal =
        minor === null ? undefined : RefundPaymentInput.shape.amount.safeParse(minor).error;
      if (values.amount === '' || minor === null)
        ctx.addIssue({
          code: 'custom',
          path: ['amount'],
          message: `Enter the amount to refund, like ${example}.`,
        });
      else if (refusal)
        for (const issue of refusal.issues)
          ctx.addIssue({ code: 'custom', path: ['amount'], message: issue.message });
      else if (minor > refundable)
        ctx.addIssue({
          code: 'custom',
          path: ['amount'],
          message: `At most ${left} is left to refund.`,
        });
    });
}

export function refundRequestOf(
  values: RefundFormValues,
  currency: string,
  refundable: number,
): RefundRequest {
  const amount =
    values.kind === 'partial' ? (minorUnits(values.amount, currency) ?? undefined) : undefined;
  // A "partial" refund of everything left is a full one: let the API settle the exact figure.
  const full = amount === undefined || amount === refundable;
  return {
    amount: full ? undefined : amount,
    shown: full ? refundable : amount,
    reason: values.reason.trim() || undefined,
  };
}

function minorUnits(value: string, currency: string): number | null {
  if (!/^\d+(\.\d+)?$/.test(value.trim())) return null;
  try {
    return toMinorUnits(value, currency);
  } catch {
    return null;
  }
}
