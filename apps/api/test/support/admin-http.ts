// Calling admin procedures as the admin SPA does: over HTTP, with the session cookie and the CSRF
// header, through tRPC's wire format (GET ?input= for queries, POST JSON for mutations).
import { beforeAll } from 'vitest';
import { DEMO_ADMIN } from '@clinicpay/demo';
import { syntheticRequestMeta } from '../../src/http/request-meta.js';
import { createTestCaller } from '../../src/testing.js';
import type { Runtime } from '../../src/bootstrap.js';

export interface HttpAnswer {
  status: number;
  headers: Headers;
  /** The tRPC envelope: `{ result: { data } }` or `{ error: { message, data } }`. */
  body: {
    result?: { data: unknown };
    error?: {
      message: string;
      data: {
        code: string;
        appCode: string | null;
        fieldErrors: { path: string; message: string }[] | null;
      };
    };
  };
}

export interface CallOptions {
  cookie?: string | undefined;
  csrf?: boolean;
  headers?: Record<string, string>;
}

export async function trpcQuery(
  apiUrl: string,
  path: string,
  input: unknown,
  options: CallOptions = {},
): Promise<HttpAnswer> {
  const query = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  const response = await fetch(`${apiUrl}/trpc/${path}${query}`, { headers: headersFor(options) });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as HttpAnswer['body'],
  };
}

export async function trpcMutation(
  apiUrl: string,
  path: string,
  input: unknown,
  options: CallOptions = {},
): Promise<HttpAnswer> {
  const response = await fetch(`${apiUrl}/trpc/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headersFor({ csrf: true, ...options }) },
    body: input === undefined ? undefined : JSON.stringify(input),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as HttpAnswer['body'],
  };
}

/** The result of a successful call, typed by the caller (RouterOutputs); throws on an error. */
export function dataOf<T>(answer: HttpAnswer): T {
  if (!answer.body.result)
    throw new Error(
      `Expected a result, got ${answer.status}: ${JSON.stringify(answer.body.error)}`,
    );
  return answer.body.result.data as T;
}

function headersFor(options: CallOptions): Record<string, string> {
  return {
    ...(options.cookie ? { cookie: options.cookie } : {}),
    ...(options.csrf ? { 'x-clinicpay-csrf': '1' } : {}),
    ...options.headers,
  };
}

/** The `name=value` part of the Set-Cookie that a response set, for the next request's Cookie. */
export function cookieFrom(answer: HttpAnswer): string {
  const setCookie = answer.headers.getSetCookie().at(-1);
  if (!setCookie)
    throw new Error(`No cookie was set (status ${answer.status}: ${JSON.stringify(answer.body)})`);
  return setCookie.split(';')[0]!;
}

export async function signIn(
  apiUrl: string,
  credentials: { email: string; password: string } = DEMO_ADMIN,
  ip?: string,
): Promise<string> {
  const answer = await trpcMutation(
    apiUrl,
    'admin.auth.signIn',
    credentials,
    ip ? { headers: { 'x-forwarded-for': ip } } : {},
  );
  return cookieFrom(answer);
}

/** An in-process caller carrying the cookie and the CSRF header, as the SPA's requests do. */
export function adminCaller(runtime: Runtime, cookie: string) {
  return createTestCaller(
    runtime,
    '127.0.0.1',
    syntheticRequestMeta({ ip: '127.0.0.1', cookie, csrfHeader: '1', secFetchSite: 'same-origin' }),
  );
}

/**
 * Signs the demo admin in once the stack is up (register after `useTestStack`, whose hook runs
 * first); the returned function gives that admin's caller.
 */
export function useSignedInAdmin(stack: { api: { runtime: Runtime; url: string } }) {
  let caller: ReturnType<typeof adminCaller> | undefined;
  beforeAll(async () => {
    caller = adminCaller(stack.api.runtime, await signIn(stack.api.url));
  });
  return () => {
    if (!caller) throw new Error('The admin is used before the hook that signs in ran');
    return caller;
  };
}
