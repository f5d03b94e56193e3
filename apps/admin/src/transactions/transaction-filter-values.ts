import {
  DISPUTE_FILTERS,
  getCurrency,
  PAYMENT_STATUSES,
  toMinorUnits,
  type DisputeFilter,
  type PaymentStatusName,
} from '@clinicpay/contracts';
import { z } from 'zod';
import type { TransactionQuery } from './transaction-query.js';

/**
 * The filter form's fields, all strings as typed ('' = no filter; 'any' for the drop-downs, but
 * 'all' for Dispute, where 'any' is a filter: any dispute).
 */
export interface TransactionFilterValues {
  search: string;
  status: PaymentStatusName[];
  gateway: 'any' | 'stripe' | 'pay_at_clinic';
  mode: 'any' | 'test' | 'live';
  dispute: 'all' | DisputeFilter;
  from: string;
  to: string;
  min: string;
  max: string;
}

export function filterValuesOf(query: TransactionQuery): TransactionFilterValues {
  return {
    search: query.search ?? '',
    status: query.status,
    gateway: query.gateway ?? 'any',
    mode: query.mode ?? 'any',
    dispute: query.dispute ?? 'all',
    from: query.from ?? '',
    to: query.to ?? '',
    min: query.min ?? '',
    max: query.max ?? '',
  };
}

/** The applied query: the form's values, the list's order kept. */
export function queryOf(
  values: TransactionFilterValues,
  order: Pick<TransactionQuery, 'sort' | 'direction'>,
): TransactionQuery {
  const text = (value: string) => value.trim() || null;
  return {
    ...order,
    search: text(values.search),
    status: values.status,
    gateway: values.gateway === 'any' ? null : values.gateway,
    mode: values.mode === 'any' ? null : values.mode,
    dispute: values.dispute === 'all' ? null : values.dispute,
    from: text(values.from),
    to: text(values.to),
    min: text(values.min),
    max: text(values.max),
  };
}

const minorOrNull = (value: string, currency: string): number | null => {
  try {
    return toMinorUnits(value, currency);
  } catch {
    return null;
  }
};

/** The form's rules: amounts that fit the clinic's currency, ranges the right way round. */
export function transactionFilterSchema(currency: string) {
  const digits = getCurrency(currency).decimalDigits;
  const example = digits === 0 ? '5000' : `25.${'0'.repeat(digits)}`;
  const amount = z
    .string()
    .trim()
    .refine(
      (value) =>
        value === '' || (/^\d+(\.\d+)?$/.test(value) && minorOrNull(value, currency) !== null),
      {
        message: `Enter an amount like ${example}.`,
      },
    );
  return z
    .object({
      search: z.string().trim().max(120, { message: 'Search for at most 120 characters.' }),
      status: z.array(z.enum(PAYMENT_STATUSES)),
      gateway: z.enum(['any', 'stripe', 'pay_at_clinic']),
      mode: z.enum(['any', 'test', 'live']),
      dispute: z.enum(['all', ...DISPUTE_FILTERS]),
      from: z.string(),
      to: z.string(),
      min: amount,
      max: amount,
    })
    .refine((v) => !v.from || !v.to || v.from <= v.to, {
      message: 'The last day must not be before the first.',
      path: ['to'],
    })
    .refine(
      (v) =>
        !v.min ||
        !v.max ||
        (minorOrNull(v.min, currency) ?? 0) <= (minorOrNull(v.max, currency) ?? 0),
      {
        message: 'The largest amount must not be below the smallest.',
        path: ['max'],
      },
    );
}
