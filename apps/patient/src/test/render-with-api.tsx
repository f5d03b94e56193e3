import type { AppRouter } from '@clinicpay/api';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { TRPCClientError, type TRPCLink } from '@trpc/client';
import { observable } from '@trpc/server/observable';
import { render } from '@testing-library/react';
import { useEffect, type ReactElement } from 'react';
import { MemoryRouter, NavigationType, parsePath, Route, Routes, useLocation, useNavigate, useNavigationType } from 'react-router';
import { trpc } from '../trpc.js';

/** A fake API: each procedure path answers with a function of its input (throw for an error). */
export type Handlers = Partial<Record<string, (input: unknown) => unknown>>;

/** Never settles: the component stays in its loading state. */
export const pending = () => new Promise(() => undefined);

/** An error as the API sends it: its sentence plus `data.appCode` (and field messages). */
export function apiError(appCode: string | null, message: string, fieldErrors: { path: string; message: string }[] | null = null) {
  return TRPCClientError.from({
    error: { message, code: -32600, data: { code: 'BAD_REQUEST', httpStatus: 400, path: '', appCode, fieldErrors } },
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

/**
 * What the router did: where it is (path and query), its history entries as the app made them
 * (pushes add one after the current entry, replaces overwrite it, Back and Forward move between
 * them), and the browser's Back and Forward buttons (`go(-1)`, `go(1)`).
 */
export const routerProbe = {
  location: '',
  /** The current entry's navigation state. */
  state: null as unknown,
  entries: [] as string[],
  index: 0,
  go: (delta: number): void => {
    throw new Error(`Nothing rendered to go ${delta} in`);
  },
};
const keys: string[] = [];
function LocationProbe() {
  const location = useLocation();
  const type = useNavigationType();
  const navigate = useNavigate();
  useEffect(() => {
    routerProbe.go = (delta) => void navigate(delta);
  }, [navigate]);
  useEffect(() => {
    const here = `${location.pathname}${location.search}`;
    routerProbe.location = here;
    routerProbe.state = location.state;
    if (type === NavigationType.Push || keys.length === 0) {
      const at = keys.length === 0 ? 0 : routerProbe.index + 1;
      keys.length = routerProbe.entries.length = at;
      keys.push(location.key);
      routerProbe.entries.push(here);
      routerProbe.index = at;
    } else if (type === NavigationType.Replace) {
      keys[routerProbe.index] = location.key;
      routerProbe.entries[routerProbe.index] = here;
    } else {
      routerProbe.index = keys.indexOf(location.key);
    }
  }, [location, type]);
  return null;
}

/** Renders `ui` at `path` (route pattern `route`, navigation state `state`) with a fresh QueryClient and the fake API. */
export function renderWithApi(ui: ReactElement, handlers: Handlers, options: { path?: string; route?: string; state?: unknown } = {}) {
  const calls: { path: string; input: unknown }[] = [];
  keys.length = 0;
  routerProbe.entries = [];
  routerProbe.index = 0;
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const client = trpc.createClient({ links: [fakeLink(handlers, calls)] });
  const result = render(
    <trpc.Provider client={client} queryClient={queryClient}>
      <QueryClientProvider client={queryClient}>
        <MemoryRouter initialEntries={[{ ...parsePath(options.path ?? '/'), state: options.state ?? null }]}>
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
