import {
  CancellationPolicy,
  cancellationSentence,
  rescheduleSentence,
  toDecimalString,
  toMinorUnits,
} from '@clinicpay/contracts';

// The Policies form keeps what the admin types as text; the shared contract decides what it means,
// so the preview and the API agree on every number and message.

export interface PolicyDraft {
  freeCancelHours: string;
  tiers: { hoursBefore: string; percent: string }[];
  fee: string;
  rescheduleHours: string;
  maxReschedules: string;
}

export function draftOf(policy: CancellationPolicy, currency: string): PolicyDraft {
  return {
    freeCancelHours: String(policy.freeCancelHours),
    tiers: [...policy.refundTiers]
      .sort((a, b) => b.hoursBefore - a.hoursBefore)
      .map((t) => ({ hoursBefore: String(t.hoursBefore), percent: String(t.percent) })),
    fee: policy.feeAmount === 0 ? '' : toDecimalString({ amount: policy.feeAmount, currency }),
    rescheduleHours: String(policy.rescheduleHours),
    maxReschedules: String(policy.maxReschedules),
  };
}

const number = (text: string) => (text.trim() === '' ? Number.NaN : Number(text.trim()));

export type ParsedDraft =
  | { ok: true; policy: CancellationPolicy; sentence: string; reschedule: string }
  | { ok: false; problems: string[] };

/** The draft as a policy with its sentences, or what is wrong with it in the contract's words. */
export function parseDraft(draft: PolicyDraft, currency: string): ParsedDraft {
  let feeAmount = 0;
  if (draft.fee.trim() !== '') {
    try {
      feeAmount = toMinorUnits(draft.fee, currency);
    } catch {
      return { ok: false, problems: ['Give the fee as an amount, e.g. 5.00.'] };
    }
  }
  const parsed = CancellationPolicy.safeParse({
    freeCancelHours: number(draft.freeCancelHours),
    refundTiers: draft.tiers.map((t) => ({
      hoursBefore: number(t.hoursBefore),
      percent: number(t.percent),
    })),
    feeAmount,
    rescheduleHours: number(draft.rescheduleHours),
    maxReschedules: number(draft.maxReschedules),
  });
  if (!parsed.success)
    return { ok: false, problems: [...new Set(parsed.error.issues.map((i) => i.message))] };
  return {
    ok: true,
    policy: parsed.data,
    sentence: cancellationSentence(parsed.data, currency),
    reschedule: rescheduleSentence(parsed.data),
  };
}
