// The app's one tRPC module: typed hooks, one client and one QueryClient (docs/contributing.md).
// AppRouter is imported as a type only, so no API code reaches the browser bundle.
import type { AppRouter, RouterInputs, RouterOutputs } from '@clinicpay/api';
import { QueryClient } from '@tanstack/react-query';
import { TRPC_MAX_BATCH_ITEMS } from '@clinicpay/contracts/api-limits';
import { httpBatchLink } from '@trpc/client';
import { createTRPCReact } from '@trpc/react-query';

export const trpc = createTRPCReact<AppRouter>();

export const queryClient = new QueryClient({
  defaultOptions: {
    // The catalogue changes rarely; refetching on every focus would only flash skeletons.
    queries: { staleTime: 60_000, retry: 1, refetchOnWindowFocus: false },
  },
});

// Same origin in production (the API serves this SPA) and through Vite's proxy in development.
export const trpcClient = trpc.createClient({
  links: [httpBatchLink({ url: '/trpc', maxItems: TRPC_MAX_BATCH_ITEMS })],
});

export type Clinic = RouterOutputs['catalogue']['clinic'];
export type Service = RouterOutputs['catalogue']['services'][number];
export type Doctor = RouterOutputs['catalogue']['doctors'][number];
export type Availability = RouterOutputs['catalogue']['availability'];
export type Slot = Availability['days'][number]['slots'][number];
export type PaymentMethods = RouterOutputs['catalogue']['paymentMethods'];
export type CreatedBooking = RouterOutputs['booking']['create'];
export type BookingStatus = RouterOutputs['booking']['status'];
export type ResumedCheckout = RouterOutputs['booking']['resumeCheckout'];
export type CreateBookingRequest = RouterInputs['booking']['create'];
