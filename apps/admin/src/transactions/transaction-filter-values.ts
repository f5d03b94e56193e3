import {
  DISPUTE_FILTERS,
  getCurrency,
  ListTransactionsInput,
  toMinorUnits,
  type DisputeFilter,
  type PaymentStatusName,
} from '@clinicpay/contracts';
import { z } from 'zod';
import { blankOr, daysInOrder } from '../components/form-schemas.js';
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

/**
 * The form's rules: the API's for search and status, amounts that fit the clinic's currency, and
 * ranges the right way round.
 */
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
  return daysInOrder(
    z.object({
      search: blankOr(ListTransactionsInput.shape.search),
      status: ListTransactionsInput.shape.status.unwrap(),
      gateway: z.enum(['any', 'stripe', 'pay_at_clinic']),
      mode: z.enum(['any', 'test', 'live']),
      dispute: z.enum(['all', ...DISPUTE_FILTERS]),
      from: z.string(),
      to: z.string(),
      min: amount,
      max: amount,
    }),
  ).refine(
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
