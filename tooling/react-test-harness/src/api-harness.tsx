import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { TRPCLink } from '@trpc/client';
import type { CreateTRPCReactBase } from '@trpc/react-query';
import type { AnyRouter } from '@trpc/server';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter, parsePath, Route, Routes } from 'react-router';
import { fakeLink, type ApiCall, type Handlers } from './fake-api.js';
import { LocationProbe, resetRouterProbe } from './router-probe.js';

/** What the harness needs of an app's `createTRPCReact<AppRouter>()`: each app's object has its own React context. */
export type AppTrpc<TRouter extends AnyRouter> = Pick<
  CreateTRPCReactBase<TRouter, unknown>,
  'Provider' | 'createClient'
>;

/** Binds the harness to an app's `trpc`, so its hooks find the fake API. */
export function createApiHarness<TRouter extends AnyRouter>(trpc: AppTrpc<TRouter>) {
  /** Renders `ui` at `path` (route pattern `route`, navigation state `state`) with a fresh QueryClient and the fake API. */
  function renderWithApi(
    ui: ReactElement,
    handlers: Handlers,
    options: {
      path?: string;
      route?: string;
      state?: unknown;
      /** The app's own links to run before the fake API (e.g. one that retries after a prompt). */
      links?: TRPCLink<TRouter>[];
    } = {},
  ) {
    const calls: ApiCall[] = [];
    resetRouterProbe();
    const queryClient = new QueryClient({
      defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
    });
    const client = trpc.createClient({
      links: [...(options.links ?? []), fakeLink<TRouter>(handlers, calls)],
    });
    const result = render(
      <trpc.Provider client={client} queryClient={queryClient}>
        <QueryClientProvider client={queryClient}>
          <MemoryRouter
            initialEntries={[{ ...parsePath(options.path ?? '/'), state: options.state ?? null }]}
          >
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
  return { renderWithApi };
}
