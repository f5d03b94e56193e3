// Typed tRPC clients over real HTTP, as the SPAs call the API (no transformer, one call per request).
import type { AppRouter } from '@clinicpay/api';
import { createTRPCClient, httpLink, TRPCClientError } from '@trpc/client';

export type ApiClient = ReturnType<typeof createTRPCClient<AppRouter>>;

export function publicClient(apiUrl: string): ApiClient {
  return createTRPCClient<AppRouter>({ links: [httpLink({ url: `${apiUrl}/trpc` })] });
}

/**
 * An admin's client: signs in once, then sends the session cookie and the admin SPA's CSRF header
 * with every call. The session lives in the database, so the client may switch replicas. Like the
 * admin SPA, it types the password again when a refund comes long after signing in
 * (`reconfirm_needed`), and sends the call once more.
 */
export async function signedInAdmin(
  apiUrls: () => string,
  credentials: { email: string; password: string },
) {
  let cookie = '';
  const withSession: typeof fetch = async (input, init) => {
    const headers = new Headers(init?.headers);
    headers.set('x-clinicpay-csrf', '1');
    if (cookie) headers.set('cookie', cookie);
    const answer = await fetch(input, { ...init, headers });
    const session = answer.headers.getSetCookie().at(-1);
    if (session) cookie = session.split(';')[0] ?? '';
    return answer;
  };
  const reconfirmingIfAsked: typeof fetch = async (input, init) => {
    const answer = await withSession(input, init);
    if (answer.status !== 403 || !(await asksToReconfirm(answer.clone()))) return answer;
    await withSession(`${apiUrls()}/trpc/admin.auth.reconfirm`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ password: credentials.password }),
    });
    return withSession(input, init);
  };
  // The URL is chosen per call, so a dead replica can be skipped between calls.
  const client = createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: '',
        fetch: (url, init) => reconfirmingIfAsked(`${apiUrls()}/trpc${String(url)}`, init),
      }),
    ],
  });
  await client.admin.auth.signIn.mutate(credentials);
  return client;
}

async function asksToReconfirm(answer: Response): Promise<boolean> {
  const body = (await answer.json().catch(() => null)) as {
    error?: { data?: { appCode?: string } };
  } | null;
  return body?.error?.data?.appCode === 'reconfirm_needed';
}

/** How a call failed: refused by the API (4xx, with its code), or not answered (5xx, network). */
export function failureOf(error: unknown): {
  kind: 'refused' | 'unavailable';
  code: string;
  status: number | null;
} {
  if (error instanceof TRPCClientError) {
    const data = error.data as { httpStatus?: number; appCode?: string; code?: string } | undefined;
    const status = data?.httpStatus ?? null;
    const code = data?.appCode ?? data?.code ?? 'network';
    return { kind: status !== null && status < 500 ? 'refused' : 'unavailable', code, status };
  }
  return {
    kind: 'unavailable',
    code: error instanceof Error ? error.name : 'unknown',
    status: null,
  };
}
