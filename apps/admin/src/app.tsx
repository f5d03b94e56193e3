import { ToastArea } from '@clinicpay/ui';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router/dom';
import { router } from './router.js';
import { toasts } from './toasts.js';
import { queryClient, trpc, trpcClient } from './trpc.js';

/** Providers in the order tRPC needs them: its client wraps the shared QueryClient. */
export function App() {
  return (
    <trpc.Provider client={trpcClient} queryClient={queryClient}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
        <ToastArea queue={toasts} />
      </QueryClientProvider>
    </trpc.Provider>
  );
}
