import type { AppRouter } from '@clinicpay/api';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { TRPCClientError, type TRPCLink } from '@trpc/client';
import { observable } from '@trpc/server/observable';
import { render } from '@testing-library/react';
import { useEffect, type ReactElement } from 'react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { trpc } from '../trpc.js';

/** A fake API: each procedure path answers with a function of its input (throw for an error). */
export type Handlers = Partial<Record<string, (input: unknown) => unknown>>;

/** Never settles: the component stays in its loading state. */
export const pending = () => new Promise(() => undefined);

/** An error as the API sends it: its sentence, `data.appCode` and field messages. */
export function apiError(appCode: string | null, message: string, fieldErrors: { path: string; message: string }[] | null = null, code = 'BAD_REQUEST', httpStatus = 400) {
  return TRPCClientError.from({
    error: { message, code: -32600, data: { code, httpStatus, path: '', appCode, fieldErrors } },
  });
}

function fakeLink(handlers: Handlers, calls: { path: string; input: unknown }[]): TRPCLink<AppRouter> {
  return () =>
    ({ op }) =>
      observable((observer) => {
        calls.push({ path: op.path, input: op.input });
        const handler = handlers[op.path];
        Promise.resolve()
          .then(() => {
            if (!handler) throw new Error(`No fake for ${op.path}`);
            return handler(op.input);
          })
          .then(
            (data) => {
              observer.next({ result: { type: 'data', data } });
              observer.complete();
            },
            (error: unknown) => observer.error(error instanceof TRPCClientError ? error : TRPCClientError.from(error as Error)),
          );
      });
}

/** Where the app navigated last (path and query). */
export const routerProbe = { location: '' };
function LocationProbe() {
  const location = useLocation();
  useEffect(() => {
    routerProbe.location = `${location.pathname}${location.search}`;
  }, [location]);
  return null;
}

/** Renders `ui` at `path` (route pattern `route`) with a fresh QueryClient and the fake API. */
export function renderWithApi(ui: ReactElement, handlers: Handlers, options: { path?: string; route?: string } = {}) {
  const calls: { path: string; input: unknown }[] = [];
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const client = trpc.createClient({ links: [fakeLink(handlers, calls)] });
  const result = render(
    <trpc.Provider client={client} queryClient={queryClient}>
      <QueryClientProvider client={queryClient}>
        <MemoryRouter initialEntries={[options.path ?? '/']}>
          <LocationProbe />
          <Routes>
            <Route path={options.route ?? '/'} element={ui} />
            <Route path="*" element={null} />
          </Routes>
        </MemoryRouter>
      </QueryClientProvider>
    </trpc.Provider>,
  );
  return { ...result, calls, queryClient };
}

/** The calls made to one procedure, in order. */
export function callsTo(calls: { path: string; input: unknown }[], path: string): unknown[] {
  return calls.filter((c) => c.path === path).map((c) => c.input);
}
