import { z } from '../zod.js';
import { isSupportedCurrency, normalizeCurrencyCode } from '../money';
import { FAILURE_POLICIES, STRIPE_MODES } from './labels';
import { currencyUnsupportedMessage } from './messages';

/**
 * A credential field of the settings form. Blank or absent means "keep the stored one": secrets
 * are write-only, so the form can never be pre-filled with them. Pasted values lose stray spaces
 * and newlines (a signing secret with a trailing newline never verifies).
 */
const keptUnlessGiven = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value ? value : undefined));

export const SaveStripeSettingsInput = z.object({
  enabled: z.boolean(),
  mode: z.enum(STRIPE_MODES),
  secretKey: keptUnlessGiven,
  publishableKey: keptUnlessGiven,
  webhookSigningSecret: keptUnlessGiven,
  currency: z
    .string()
    .transform(normalizeCurrencyCode)
    .refine(isSupportedCurrency, {
      error: (issue) => currencyUnsupportedMessage(String(issue.input)),
    }),
  failurePolicy: z.enum(FAILURE_POLICIES),
});

/** The parsed input: credentials are `undefined` when the stored ones are kept. */
export type SaveStripeSettingsInput = z.output<typeof SaveStripeSettingsInput>;
/** What a form may send (blank strings allowed). */
export type SaveStripeSettingsFormValues = z.input<typeof SaveStripeSettingsInput>;
