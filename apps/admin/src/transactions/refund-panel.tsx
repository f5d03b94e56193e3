import { formatMoney } from '@clinicpay/contracts';
import { Notice } from '@clinicpay/ui';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { appCodeOf, isUnauthorized, messageOf } from '../api-errors.js';
import { notify } from '../toasts.js';
import { trpc } from '../trpc.js';
import { RefundConfirm } from './refund-confirm.js';
import { RefundForm } from './refund-form.js';
import type { Transaction } from './transaction-details.js';
import type { RefundFormValues, RefundRequest } from './refund-values.js';

type Step =
  | { name: 'form'; problem?: string }
  | { name: 'confirm'; request: RefundRequest; idempotencyKey: string }
  | { name: 'done'; amount: number; status: string };

const DEFAULTS: RefundFormValues = { kind: 'full', amount: '', reason: '' };

/**
 * Refund in three steps: what to refund (all that is left, or part, and why), a confirmation that
 * names the amount, then Stripe's answer. One idempotency key per confirmed request, so a double
 * press or a retry after a lost answer refunds once.
 */
export function RefundPanel({ transaction }: { transaction: Transaction }) {
  const utils = trpc.useUtils();
  const [step, setStep] = useState<Step>({ name: 'form' });
  const [values, setValues] = useState<RefundFormValues>(DEFAULTS);
  const refund = trpc.admin.transactions.refund.useMutation();
  const currency = transaction.amount.currency;
  const money = (amount: number) => formatMoney({ amount, currency });

  const confirm = async (request: RefundRequest, idempotencyKey: string) => {
    try {
      const result = await refund.mutateAsync({
        paymentId: transaction.id,
        idempotencyKey,
        ...(request.amount !== undefined ? { amount: request.amount } : {}),
        ...(request.reason ? { reason: request.reason } : {}),
      });
      utils.admin.transactions.get.setData({ paymentId: transaction.id }, result.transaction);
      void utils.admin.transactions.list.invalidate();
      void utils.admin.transactions.summary.invalidate();
      setValues(DEFAULTS);
      setStep({ name: 'done', amount: result.refund.amount, status: result.refund.status });
      notify({
        title: `Refund of ${money(result.refund.amount)} ${result.refund.status === 'succeeded' ? 'sent' : 'requested'}`,
        description: `${transaction.patient.name} · ${transaction.appointment.reference}`,
        tone: 'success',
      });
    } catch (error) {
      if (isUnauthorized(error)) return;
      // A refusal is final for this request: the next attempt gets a new key.
      const problem =
        appCodeOf(error) === 'refund_failed'
          ? `Stripe refused the refund: ${messageOf(error)}`
          : messageOf(error);
      setStep({ name: 'form', problem });
    }
  };

  if (step.name === 'done') {
    return (
      <RefundDone>
        <Notice
          tone="success"
          role="status"
          title={`Refund of ${money(step.amount)} ${step.status === 'succeeded' ? 'sent to the card' : 'on its way to Stripe'}`}
        >
          {step.status === 'succeeded'
            ? 'Stripe accepted it; the card holder usually sees it within 5–10 business days.'
            : 'Stripe is processing it; this page updates when it is done.'}
          {transaction.refundable > 0 ? (
            <button
              type="button"
              onClick={() => setStep({ name: 'form' })}
              className="mt-2 block font-semibold text-brand-800 underline underline-offset-2"
            >
              Refund more ({money(transaction.refundable)} left)
            </button>
          ) : null}
        </Notice>
      </RefundDone>
    );
  }
  if (step.name === 'confirm') {
    return (
      <RefundConfirm
        amount={money(step.request.shown)}
        of={money(transaction.amount.amount)}
        patient={transaction.patient.name}
        reason={step.request.reason}
        isBusy={refund.isPending}
        onConfirm={() => void confirm(step.request, step.idempotencyKey)}
        onBack={() => setStep({ name: 'form' })}
      />
    );
  }
  return (
    <RefundForm
      currency={currency}
      refundable={transaction.refundable}
      defaultValues={values}
      problem={step.problem}
      onReview={(formValues, request) => {
        setValues(formValues);
        setStep({ name: 'confirm', request, idempotencyKey: crypto.randomUUID() });
      }}
    />
  );
}

/** The result takes focus: the confirm button that had it is gone. */
function RefundDone({ children }: { children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), []);
  return (
    <div ref={box} tabIndex={-1} className="outline-none">
      {children}
    </div>
  );
}
