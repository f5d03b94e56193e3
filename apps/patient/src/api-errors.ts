import type { AppRouter } from '@clinicpay/api';
import type { TRPCClientErrorLike } from '@trpc/client';

type ApiError = TRPCClientErrorLike<AppRouter>;
/** The API's closed list of error codes: comparing with a misspelt one is a type error. */
export type AppErrorCode = NonNullable<NonNullable<ApiError['data']>['appCode']>;

/** The API's closed error code (`slot_taken`, `card_payment_unavailable`, …), when it sent one. */
export function appCodeOf(error: unknown): AppErrorCode | null {
  return (error as ApiError | null)?.data?.appCode ?? null;
}

/** Field messages from the shared zod inputs, keyed by path (`patient.email`). */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  const issues = (error as ApiError | null)?.data?.fieldErrors ?? [];
  return Object.fromEntries(issues.map((issue) => [issue.path, issue.message]));
}

/** The sentence to show: the API's own (it says what to do), or one for a lost connection. */
export function messageOf(error: unknown): string {
  const apiError = error as ApiError | null;
  if (apiError?.data) return apiError.message;
  return 'We could not reach the clinic. Check your internet connection and try again.';
}
