import {
  ListTransactionsInput,
  PaymentIdInput,
  RefundPaymentInput,
  TransactionFilters,
} from '@clinicpay/contracts';
import { refundFromAdmin } from '../../services/refunds/refund-by-admin.service.js';
import { getTransaction } from '../../services/transactions/transaction-detail.service.js';
import { listTransactions } from '../../services/transactions/transactions-list.service.js';
import { summarizeTransactions } from '../../services/transactions/transactions-summary.service.js';
import { adminProcedure, confirmedProcedure, router } from '../../trpc.js';

/** Payments as the clinic reviews them. The CSV export is GET /exports/transactions.csv. */
export const transactionsRouter = router({
  list: adminProcedure('transactions.view')
    .input(ListTransactionsInput)
    .query(({ ctx, input }) => listTransactions(ctx, input)),
  get: adminProcedure('transactions.view')
    .input(PaymentIdInput)
    .query(({ ctx, input }) => getTransaction(ctx, input.paymentId)),
  summary: adminProcedure('transactions.view')
    .input(TransactionFilters)
    .query(({ ctx, input }) => summarizeTransactions(ctx, input)),
  refund: confirmedProcedure('refunds.issue')
    .input(RefundPaymentInput)
    .mutation(({ ctx, input }) => refundFromAdmin(ctx, input)),
});
