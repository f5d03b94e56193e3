import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type { Database } from '../schema.js';
import {
  openDisputeStatuses,
  type Gateway,
  type GatewayMode,
  type PaymentStatus,
} from '../statuses.js';
import { keysetPage, type KeysetPageRequest } from './keyset-page.js';
import { transactionPaymentColumns } from './transaction-payment-columns.js';
import { containing } from './like-pattern.js';

export type TransactionSearch =
  | {
      kind: 'stripe_id';
      column: 'payment_intent_id' | 'checkout_session_id' | 'charge_id';
      value: string;
    }
  | { kind: 'refund_id'; value: string }
  | { kind: 'reference'; value: string }
  /** A patient's whole email address, any case (indexed). */
  | { kind: 'email'; value: string }
  /** Part of a patient's name or email. */
  | { kind: 'text'; value: string };

export interface TransactionFilter {
  statuses?: PaymentStatus[] | undefined;
  gateway?: Gateway | undefined;
  mode?: GatewayMode | undefined;
  /** created_at in [from, to). */
  from?: Date | undefined;
  to?: Date | undefined;
  amountMin?: number | undefined;
  amountMax?: number | undefined;
  search?: TransactionSearch | undefined;
  /** `any`: disputed at all, closed included; `open`: not decided yet (evidence due, or under the bank's review). */
  dispute?: 'any' | 'open' | undefined;
}

export type TransactionSort = 'created_at' | 'amount';

export interface TransactionPageRequest extends KeysetPageRequest {
  filter: TransactionFilter;
  sort: TransactionSort;
}

/** Payments matching a filter. Conditions on the patient go through EXISTS, so only a search joins. */
export function filteredPayments(db: Kysely<Database>, filter: TransactionFilter) {
  let query = db.selectFrom('payments as p');
  if (filter.statuses && filter.statuses.length > 0)
    query = query.where('p.status', 'in', filter.statuses);
  if (filter.gateway) query = query.where('p.gateway', '=', filter.gateway);
  if (filter.mode) query = query.where('p.mode', '=', filter.mode);
  if (filter.from) query = query.where('p.created_at', '>=', filter.from);
  if (filter.to) query = query.where('p.created_at', '<', filter.to);
  if (filter.amountMin !== undefined) query = query.where('p.amount', '>=', filter.amountMin);
  if (filter.amountMax !== undefined) query = query.where('p.amount', '<=', filter.amountMax);
  // No index of its own: disputes are rare, so this narrows what the date or status index finds.
  if (filter.dispute === 'any') query = query.where('p.dispute_status', 'is not', null);
  if (filter.dispute === 'open') query = query.where('p.dispute_status', 'in', openDisputeStatuses);
  const search = filter.search;
  if (search) query = query.where((eb) => searchCondition(eb, search));
  return query;
}

type PaymentsBuilder = ExpressionBuilder<Database & { p: Database['payments'] }, 'p'>;

/** The payment's own appointment (`a`), for a search on its booking. */
const itsAppointment = (eb: PaymentsBuilder) =>
  eb.selectFrom('appointments as a').select('a.id').whereRef('a.id', '=', 'p.appointment_id');

/** The same with the appointment's patient (`pt`), for a search on who booked. */
const itsPatient = (eb: PaymentsBuilder) =>
  itsAppointment(eb).innerJoin('patients as pt', 'pt.id', 'a.patient_id');

function searchCondition(eb: PaymentsBuilder, search: TransactionSearch) {
  switch (search.kind) {
    case 'stripe_id':
      return eb(`p.${search.column}`, '=', search.value);
    case 'refund_id':
      return eb.exists(
        eb
          .selectFrom('refunds as r')
          .select('r.id')
          .whereRef('r.payment_id', '=', 'p.id')
          .where('r.stripe_refund_id', '=', search.value),
      );
    case 'reference':
      return eb.exists(itsAppointment(eb).where('a.reference', '=', search.value));
    case 'email':
      return eb.exists(itsPatient(eb).where(sql`lower(pt.email)`, '=', search.value.toLowerCase()));
    case 'text': {
      const pattern = containing(search.value);
      return eb.exists(
        itsPatient(eb).where((inner) =>
          inner.or([inner('pt.name', 'ilike', pattern), inner('pt.email', 'ilike', pattern)]),
        ),
      );
    }
  }
}

/** The filtered payments from the keyset position on, joined to their booking, in page order. */
export function transactionsPage(db: Kysely<Database>, request: TransactionPageRequest) {
  const joined = filteredPayments(db, request.filter)
    .innerJoin('appointments as a', 'a.id', 'p.appointment_id')
    .innerJoin('patients as pt', 'pt.id', 'a.patient_id')
    .innerJoin('services as s', 's.id', 'a.service_id');
  const sort = request.sort === 'amount' ? 'p.amount' : 'p.created_at';
  return keysetPage(joined, { sort, id: 'p.id' }, request);
}

/** One page in keyset order (sort column, then id), with what the list shows. */
export async function listTransactionsPage(db: Kysely<Database>, request: TransactionPageRequest) {
  return transactionsPage(db, request)
    .select([
      ...transactionPaymentColumns,
      sql<string>`p.created_at::text`.as('created_at_key'),
      'a.id as appointment_id',
      'a.reference',
      'a.starts_at',
      'pt.name as patient_name',
      'pt.email as patient_email',
      's.name as service_name',
    ])
    .execute();
}

export type TransactionRow = Awaited<ReturnType<typeof listTransactionsPage>>[number];
