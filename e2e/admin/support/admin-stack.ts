/**
 * The admin SPA's world for a browser test: the shared stack (e2e/support/stack.ts) with the
 * patient SPA (a patient pays in it) and the admin SPA.
 */
import { startStack, type Stack } from '../../support/stack.js';

export interface AdminStack extends Stack {
  /** The admin SPA's entry, e.g. http://127.0.0.1:41234/admin/ */
  adminUrl: string;
  /** The patient SPA's entry (also the API's PUBLIC_URL). */
  patientUrl: string;
}

export async function startAdminStack(
  options: { env?: Record<string, string> } = {},
): Promise<AdminStack> {
  const stack = await startStack({ spas: ['patient', 'admin'], ...options });
  return { ...stack, adminUrl: stack.urlOf('admin'), patientUrl: stack.urlOf('patient') };
}
