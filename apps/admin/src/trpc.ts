// The app's one tRPC module: typed hooks, one client and one QueryClient (docs/contributing.md).
// AppRouter is imported as a type only, so no API code reaches the browser bundle.
import type { AppRouter, RouterInputs, RouterOutputs } from '@clinicpay/api';
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { TRPC_MAX_BATCH_ITEMS } from '@clinicpay/contracts/api-limits';
import { httpBatchLink } from '@trpc/client';
import { createTRPCReact } from '@trpc/react-query';
import { httpStatusOf, isUnauthorized, messageOf } from './api-errors.js';
import { reconfirmLink } from './session/reconfirm-link.js';
import { reportSessionEnded } from './session/session-events.js';

export const trpc = createTRPCReact<AppRouter>();

// Any call answered "not signed in" means the session ended (idle, expired, signed out elsewhere):
// the layout sends the admin to sign in and back. Handled once here, not in every component.
const onError = (error: unknown) => {
  if (isUnauthorized(error)) reportSessionEnded(messageOf(error));
};

export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError }),
  mutationCache: new MutationCache({ onError }),
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      refetchOnWindowFocus: false,
      // A refusal (4xx) will not change by asking again; a lost connection or a 5xx might.
      retry: (count, error) => count < 1 && (httpStatusOf(error) ?? 500) >= 500,
    },
  },
});

/** The header that marks a call as coming from this app (the API's CSRF check wants it on mutations). */
export const CSRF_HEADERS = { 'x-clinicpay-csrf': '1' } as const;

// Same origin in production (the API serves this SPA) and through Vite's proxy in development;
// `include` keeps the session cookie when the SPA is hosted on an origin of its own.
export const trpcClient = trpc.createClient({
  links: [
    reconfirmLink,
    httpBatchLink({
      url: '/trpc',
      maxItems: TRPC_MAX_BATCH_ITEMS,
      headers: () => CSRF_HEADERS,
      fetch: (url, init) => fetch(url, { ...init, credentials: 'include' }),
    }),
  ],
});

export type Outputs = RouterOutputs['admin'];
export type Inputs = RouterInputs['admin'];
export type Clinic = RouterOutputs['catalogue']['clinic'];
