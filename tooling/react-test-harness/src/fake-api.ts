import type { AnyRouter } from '@trpc/server';
import { TRPCClientError, type TRPCLink } from '@trpc/client';
import { observable } from '@trpc/server/observable';

/** A fake API: each procedure path answers with a function of its input (throw for an error). */
export type Handlers = Partial<Record<string, (input: unknown) => unknown>>;

/** One call the app made through the fake API. */
export type ApiCall = { path: string; input: unknown };

/** Never settles: the component stays in its loading state. */
export const pending = () => new Promise(() => undefined);

/** An error as the API sends it: its sentence, `data.appCode`, field messages, and the tRPC code and HTTP status. */
export function apiError(
  appCode: string | null,
  message: string,
  fieldErrors: { path: string; message: string }[] | null = null,
  code = 'BAD_REQUEST',
  httpStatus = 400,
) {
  return TRPCClientError.from({
    error: { message, code: -32600, data: { code, httpStatus, path: '', appCode, fieldErrors } },
  });
}

/** The calls made to one procedure, in order. */
export function callsTo(calls: ApiCall[], path: string): unknown[] {
  return calls.filter((c) => c.path === path).map((c) => c.input);
}

/** A link that answers every operation from `handlers` and records it in `calls`. */
export function fakeLink<TRouter extends AnyRouter>(
  handlers: Handlers,
  calls: ApiCall[],
): TRPCLink<TRouter> {
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
            (error: unknown) =>
              observer.error(
                error instanceof TRPCClientError ? error : TRPCClientError.from(error as Error),
              ),
          );
      });
}
