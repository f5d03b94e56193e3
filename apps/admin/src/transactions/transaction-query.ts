import {
  DISPUTE_FILTERS,
  LOCAL_DATE,
  PAYMENT_STATUSES,
  toMinorUnits,
  type DisputeFilter,
  type PaymentStatusName,
  type TransactionFilters,
} from '@clinicpay/contracts';
import { endOfLocalDay, startOfLocalDay } from '../format/clinic-time.js';

/**
 * What the transactions page shows, as it lives in the address bar: filters in the clinic's terms
 * (local dates, decimal amounts), sort and direction. A link or a reload shows the same rows.
 */
export interface TransactionQuery {
  status: PaymentStatusName[];
  gateway: 'stripe' | 'pay_at_clinic' | null;
  mode: 'test' | 'live' | null;
  dispute: DisputeFilter | null;
  /** Clinic-local dates, both included. */
  from: string | null;
  to: string | null;
  /** Decimal amounts in the clinic's currency ("25.00"). */
  min: string | null;
  max: string | null;
  search: string | null;
  sort: 'created_at' | 'amount';
  direction: 'asc' | 'desc';
}

export const EMPTY_QUERY: TransactionQuery = {
  status: [],
  gateway: null,
  mode: null,
  dispute: null,
  from: null,
  to: null,
  min: null,
  max: null,
  search: null,
  sort: 'created_at',
  direction: 'desc',
};

const oneOf = <T extends string>(value: string | null, allowed: readonly T[]): T | null =>
  allowed.includes(value as T) ? (value as T) : null;
const decimal = (value: string | null) => (value && /^\d+(\.\d+)?$/.test(value) ? value : null);
const date = (value: string | null) => (value && LOCAL_DATE.test(value) ? value : null);

/** Reads the address bar; anything malformed is ignored rather than shown as an error. */
export function parseTransactionQuery(params: URLSearchParams): TransactionQuery {
  const status = (params.get('status') ?? '')
    .split(',')
    .filter((s): s is PaymentStatusName => (PAYMENT_STATUSES as readonly string[]).includes(s));
  return {
    status: [...new Set(status)],
    gateway: oneOf(params.get('gateway'), ['stripe', 'pay_at_clinic'] as const),
    mode: oneOf(params.get('mode'), ['test', 'live'] as const),
    dispute: oneOf(params.get('dispute'), DISPUTE_FILTERS),
    from: date(params.get('from')),
    to: date(params.get('to')),
    min: decimal(params.get('min')),
    max: decimal(params.get('max')),
    search: params.get('q')?.trim().slice(0, 120) || null,
    sort: oneOf(params.get('sort'), ['created_at', 'amount'] as const) ?? 'created_at',
    direction: oneOf(params.get('dir'), ['asc', 'desc'] as const) ?? 'desc',
  };
}

/** The address bar's form of a query: only what differs from the defaults. */
export function transactionSearchParams(query: TransactionQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.search) params.set('q', query.search);
  if (query.status.length > 0) params.set('status', query.status.join(','));
  if (query.gateway) params.set('gateway', query.gateway);
  if (query.mode) params.set('mode', query.mode);
  if (query.dispute) params.set('dispute', query.dispute);
  if (query.from) params.set('from', query.from);
  if (query.to) params.set('to', query.to);
  if (query.min) params.set('min', query.min);
  if (query.max) params.set('max', query.max);
  if (query.sort !== 'created_at') params.set('sort', query.sort);
  if (query.direction !== 'desc') params.set('dir', query.direction);
  return params;
}

/** How many filters narrow the list (sort excluded), for "Filters (3)". */
export function activeFilterCount(query: TransactionQuery): number {
  return [
    query.status.length > 0,
    query.gateway,
    query.mode,
    query.dispute,
    query.from,
    query.to,
    query.min,
    query.max,
    query.search,
  ].filter(Boolean).length;
}

/**
 * The API's filters: local dates become instants in the clinic's zone ([from, to) with `to` the
 * day after), decimal amounts become minor units of the clinic's currency. An amount that does not
 * fit the currency is left out (the filter form refuses it before it gets here).
 */
export function toApiFilters(
  query: TransactionQuery,
  timeZone: string,
  currency: string,
): TransactionFilters {
  const minor = (value: string | null) => {
    if (!value) return undefined;
    try {
      return toMinorUnits(value, currency);
    } catch {
      return undefined;
    }
  };
  return {
    ...(query.status.length > 0 ? { status: query.status } : {}),
    ...(query.gateway ? { gateway: query.gateway } : {}),
    ...(query.mode ? { mode: query.mode } : {}),
    ...(query.dispute ? { dispute: query.dispute } : {}),
    ...(query.from ? { from: startOfLocalDay(query.from, timeZone) } : {}),
    ...(query.to ? { to: endOfLocalDay(query.to, timeZone) } : {}),
    ...(minor(query.min) !== undefined ? { amountMin: minor(query.min) } : {}),
    ...(minor(query.max) !== undefined ? { amountMax: minor(query.max) } : {}),
    ...(query.search ? { search: query.search } : {}),
  };
}
