// tRPC's wire format over http-client.ts: queries as GET ?input=, mutations as POST JSON with the
// admin SPA's CSRF header unless a call leaves it out on purpose.
import { send, type Answer, type AnswerLog, type CallOptions } from './http-client.js';

export interface TrpcOptions extends CallOptions {
  cookie?: string | undefined;
  /** Send `x-clinicpay-csrf: 1` (mutations; default true). */
  csrf?: boolean;
}

const headersOf = (options: TrpcOptions, mutation: boolean): Record<string, string> => ({
  ...(options.cookie ? { cookie: options.cookie } : {}),
  ...(mutation && options.csrf !== false ? { 'x-clinicpay-csrf': '1' } : {}),
  ...options.headers,
});

/** One tRPC call by path: the same arguments for a query and a mutation. */
type TrpcCall = (
  log: AnswerLog,
  baseUrl: string,
  path: string,
  input?: unknown,
  options?: TrpcOptions,
) => Promise<Answer>;

export const trpcQuery: TrpcCall = (log, baseUrl, path, input, options = {}) => {
  const query = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  return send(log, 'GET', `${baseUrl}/trpc/${path}${query}`, undefined, {
    ...options,
    headers: headersOf(options, false),
  });
};

export const trpcMutation: TrpcCall = (log, baseUrl, path, input, options = {}) =>
  send(log, 'POST', `${baseUrl}/trpc/${path}`, JSON.stringify(input ?? {}), {
    ...options,
    headers: headersOf(options, true),
  });

export function call(
  log: AnswerLog,
  baseUrl: string,
  procedure: { path: string; type: string },
  input: unknown,
  options: TrpcOptions = {},
): Promise<Answer> {
  return procedure.type === 'query'
    ? trpcQuery(log, baseUrl, procedure.path, input, options)
    : trpcMutation(log, baseUrl, procedure.path, input, options);
}

/** The `name=value` of the session cookie an answer set. */
export function sessionCookieOf(answer: Answer): string {
  const setCookie = [answer.headers['set-cookie'] ?? []].flat().at(-1);
  if (!setCookie)
    throw new Error(`No cookie was set (${answer.status}: ${answer.body.slice(0, 300)})`);
  return setCookie.split(';')[0]!;
}
