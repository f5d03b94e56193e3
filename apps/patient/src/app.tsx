import { QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { BookingWizardPage } from './routes/booking-wizard-page.js';
import { NotFoundPage } from './routes/not-found-page.js';
import { queryClient, trpc, trpcClient } from './trpc.js';

// The result page is its own chunk: the first screen does not download it.
const BookingStatusPage = lazy(() =>
  import('./routes/booking-status-page.js').then((m) => ({ default: m.BookingStatusPage })),
);

/**
 * Providers in the order tRPC needs them: its client wraps the shared QueryClient. React Router's
 * declarative mode: this app has no loaders, and the data router would cost the first step 16 KB.
 */
export function App() {
  return (
    <trpc.Provider client={trpcClient} queryClient={queryClient}>
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <Suspense fallback={null}>
            <Routes>
              <Route path="/" element={<BookingWizardPage />} />
              <Route path="/booking/:reference" element={<BookingStatusPage />} />
              <Route path="*" element={<NotFoundPage />} />
            </Routes>
          </Suspense>
        </BrowserRouter>
      </QueryClientProvider>
    </trpc.Provider>
  );
}
