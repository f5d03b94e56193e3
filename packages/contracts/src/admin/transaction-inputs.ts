import { z } from '../zod.js';
import { GATEWAYS } from './gateway-inputs.js';
import { PAYMENT_STATUSES } from './statuses.js';

const instant = (what: string) =>
  z.iso.datetime({
    offset: true,
    message: `Give the ${what} as a date and time, e.g. 2026-12-01T00:00:00Z.`,
  });
const minorUnits = (what: string) =>
  z
    .number({
      message: `Give the ${what} in the currency's smallest unit (cents), e.g. 5000 for 50.00.`,
    })
    .int()
    .min(0)
    .max(Number.MAX_SAFE_INTEGER);

/**
 * Payments with a dispute: `any`, closed ones included, or `open`, still needing the clinic (the
 * database package names which of Stripe's statuses those are).
 */
export const DISPUTE_FILTERS = ['any', 'open'] as const;
export type DisputeFilter = (typeof DISPUTE_FILTERS)[number];

/** What the transactions list, its summary and its CSV export filter by. Dates are [from, to). */
const filterShape = {
  status: z
    .array(z.enum(PAYMENT_STATUSES, { message: 'Choose statuses from the list.' }))
    .max(PAYMENT_STATUSES.length)
    .optional(),
  gateway: z.enum(GATEWAYS, { message: 'Choose Stripe or Pay at clinic.' }).optional(),
  mode: z.enum(['test', 'live'], { message: 'Choose Sandbox (Test) or Live.' }).optional(),
  dispute: z.enum(DISPUTE_FILTERS, { message: 'Choose Any dispute or Open disputes.' }).optional(),
  from: instant('start').optional(),
  to: instant('end').optional(),
  amountMin: minorUnits('smallest amount').optional(),
  amountMax: minorUnits('largest amount').optional(),
  /** A patient's name or email, a booking reference, or a Stripe id (pi_, cs_, ch_, re_). */
  search: z
    .string()
    .trim()
    .min(1, { message: 'Type something to search for.' })
    .max(120, { message: 'Search for at most 120 characters.' })
    .optional(),
};

type Filters = {
  from?: string | undefined;
  to?: string | undefined;
  amountMin?: number | undefined;
  amountMax?: number | undefined;
};
const rangesInOrder = <T extends z.ZodType<Filters>>(schema: T) =>
  schema
    .refine((f) => !f.from || !f.to || Date.parse(f.from) < Date.parse(f.to), {
      message: 'The end must be after the start.',
      path: ['to'],
    })
    .refine(
      (f) => f.amountMin === undefined || f.amountMax === undefined || f.amountMin <= f.amountMax,
      {
        message: 'The largest amount must not be below the smallest.',
        path: ['amountMax'],
      },
    );

export const TransactionFilters = rangesInOrder(z.object(filterShape));
export type TransactionFilters = z.infer<typeof TransactionFilters>;

export const TRANSACTION_SORTS = ['created_at', 'amount'] as const;

const pagingShape = {
  sort: z.enum(TRANSACTION_SORTS, { message: 'Sort by date or amount.' }).default('created_at'),
  direction: z.enum(['asc', 'desc'], { message: 'Sort ascending or descending.' }).default('desc'),
};

export const ListTransactionsInput = rangesInOrder(
  z.object({
    ...filterShape,
    ...pagingShape,
    limit: z
      .number()
      .int()
      .min(1, { message: 'Ask for at least one row.' })
      .max(100, { message: 'Ask for at most 100 rows at a time.' })
      .default(50),
    /** The `nextCursor` of the previous page; opaque and signed. */
    cursor: z.string().min(1).max(2000).optional(),
  }),
);
export type ListTransactionsInput = z.infer<typeof ListTransactionsInput>;

/** The CSV export: the list's filters and order, every row. */
export const ExportTransactionsInput = rangesInOrder(z.object({ ...filterShape, ...pagingShape }));
export type ExportTransactionsInput = z.infer<typeof ExportTransactionsInput>;

export const PaymentIdInput = z.object({
  paymentId: z.uuid({ message: 'Choose a transaction from the list.' }),
});

/** Refund all that is left (no amount) or part of it, with the admin's reason. */
export const RefundPaymentInput = z.object({
  paymentId: z.uuid({ message: 'Choose a transaction from the list.' }),
  amount: z
    .number({ message: 'Give the amount in cents, e.g. 2500 for 25.00.' })
    .int({ message: 'Give the amount in cents, e.g. 2500 for 25.00.' })
    .positive({ message: 'Enter an amount greater than zero.' })
    .optional(),
  reason: z
    .string()
    .trim()
    .max(500, { message: 'Keep the reason under 500 characters.' })
    .optional(),
  /** One per refund the admin asks for (the dialog makes one), so a double click refunds once. */
  idempotencyKey: z.string().min(8, { message: 'Refunds need a request key.' }).max(100),
});
export type RefundPaymentInput = z.infer<typeof RefundPaymentInput>;
