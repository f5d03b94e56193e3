import { z } from 'zod';

/**
 * A text field where blank means "none" (no filter, no reason), and anything else is checked with
 * the API's own schema for it, so the form says what the API would.
 */
export function blankOr(schema: z.ZodType) {
  return z.string().superRefine((value, ctx) => {
    if (value.trim() === '') return;
    const parsed = schema.safeParse(value);
    if (!parsed.success)
      for (const issue of parsed.error.issues)
        ctx.addIssue({ code: 'custom', message: issue.message });
  });
}

/** First and last day as typed (clinic-local dates, '' for open): the last not before the first. */
export function daysInOrder<T extends z.ZodType<{ from: string; to: string }>>(schema: T) {
  return schema.refine((v) => !v.from || !v.to || v.from <= v.to, {
    message: 'The last day must not be before the first.',
    path: ['to'],
  });
}
