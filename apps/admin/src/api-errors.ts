import type { AppRouter } from '@clinicpay/api';
import type { TRPCClientErrorLike } from '@trpc/client';

type ApiError = TRPCClientErrorLike<AppRouter>;
/** The API's closed list of error codes: comparing with a misspelt one is a type error. */
export type AppErrorCode = NonNullable<NonNullable<ApiError['data']>['appCode']>;

/** The API's closed error code (`settings_invalid`, `refund_too_large`, …), when it sent one. */
export function appCodeOf(error: unknown): AppErrorCode | null {
  return (error as ApiError | null)?.data?.appCode ?? null;
}

export function httpStatusOf(error: unknown): number | null {
  return (error as ApiError | null)?.data?.httpStatus ?? null;
}

/** The session is gone (never signed in, idle too long, signed out elsewhere). */
export function isUnauthorized(error: unknown): boolean {
  const appCode = appCodeOf(error);
  return (
    (error as ApiError | null)?.data?.code === 'UNAUTHORIZED' &&
    // The sign-in form's own answers: a wrong pair, or the code still to type.
    appCode !== 'sign_in_failed' &&
    appCode !== 'two_factor_needed'
  );
}

/** Field messages from the shared zod inputs or the API's own checks, keyed by path (`price.amount`). */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  const issues = (error as ApiError | null)?.data?.fieldErrors ?? [];
  const out: Record<string, string> = {};
  // Two problems on one field (e.g. two currency rules) are both worth reading.
  for (const issue of issues)
    out[issue.path] = out[issue.path] ? `${out[issue.path]} ${issue.message}` : issue.message;
  return out;
}

/** The sentence to show: the API's own (it says what to do), or one for a lost connection. */
export function messageOf(error: unknown): string {
  const apiError = error as ApiError | null;
  if (apiError?.data) return apiError.message;
  return 'The clinic server could not be reached. Check your internet connection and try again.';
}
