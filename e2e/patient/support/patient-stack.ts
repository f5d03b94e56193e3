/**
 * The patient SPA's world for a browser test: the shared stack (e2e/support/stack.ts) with the
 * patient SPA alone.
 */
import { startStack, type Stack } from '../../support/stack.js';

export interface PatientStack extends Stack {
  /** The patient SPA's entry (also the API's PUBLIC_URL). */
  spaUrl: string;
}

export async function startPatientStack(
  options: { env?: Record<string, string> } = {},
): Promise<PatientStack> {
  const stack = await startStack({ spas: ['patient'], ...options });
  return { ...stack, spaUrl: stack.urlOf('patient') };
}
