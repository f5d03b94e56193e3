import { formatMoney } from '@clinicpay/contracts';
import { Button, Radio } from '@clinicpay/ui';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { FormRadioGroup, FormTextArea, FormTextField } from '../components/form-fields.js';
import { FormProblem } from '../components/form-problem.js';
import {
  refundRequestOf,
  refundSchema,
  type RefundFormValues,
  type RefundRequest,
} from './refund-values.js';

export interface RefundFormProps {
  currency: string;
  refundable: number;
  defaultValues: RefundFormValues;
  problem: string | undefined;
  onReview: (values: RefundFormValues, request: RefundRequest) => void;
}

/** Step one: all that is left or part of it, and an optional reason kept with the refund. */
export function RefundForm({
  currency,
  refundable,
  defaultValues,
  problem,
  onReview,
}: RefundFormProps) {
  const schema = useMemo(() => refundSchema(currency, refundable), [currency, refundable]);
  const form = useForm<RefundFormValues>({
    resolver: zodResolver(schema),
    defaultValues,
    mode: 'onTouched',
  });
  const kind = useWatch({ control: form.control, name: 'kind' });
  const left = formatMoney({ amount: refundable, currency });

  return (
    <form
      noValidate
      aria-label="Refund"
      onSubmit={(event) =>
        void form.handleSubmit((values) =>
          onReview(values, refundRequestOf(values, currency, refundable)),
        )(event)
      }
      className="grid gap-4"
    >
      <FormProblem problem={problem} title="The refund was not made." />
      <FormRadioGroup control={form.control} name="kind" label="How much to refund">
        <Radio value="full" description="The whole amount still on the card.">
          All that is left: {left}
        </Radio>
        <Radio value="partial">Part of it</Radio>
      </FormRadioGroup>
      {kind === 'partial' ? (
        <FormTextField
          control={form.control}
          name="amount"
          label={`Amount to refund (${currency.toUpperCase()})`}
          inputMode="decimal"
          description={`At most ${left}.`}
        />
      ) : null}
      <FormTextArea
        control={form.control}
        name="reason"
        label="Reason (optional)"
        description="Kept with the refund and shown in the timeline."
      />
      <div>
        <Button type="submit">Review refund</Button>
      </div>
    </form>
  );
}
