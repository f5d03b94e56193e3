// The admin API as the admin SPA calls it (tRPC over HTTP, session cookie, CSRF header), for a
// script that checks a deployment from outside: no database access, only what an admin may read.

export class AdminApi {
  private constructor(
    private readonly url: string,
    private readonly cookie: string,
  ) {}

  static async signIn(url: string, email: string, password: string): Promise<AdminApi> {
    const response = await fetch(`${url}/trpc/admin.auth.signIn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-clinicpay-csrf': '1' },
      body: JSON.stringify({ email, password }),
    });
    const cookie = response.headers.getSetCookie()[0]?.split(';')[0];
    if (!response.ok || !cookie)
      throw new Error(`Signing in as ${email} failed: ${await messageOf(response)}`);
    return new AdminApi(url, cookie);
  }

  async query<T>(path: string, input?: unknown): Promise<T> {
    const search = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
    const response = await fetch(`${this.url}/trpc/${path}${search}`, {
      headers: { cookie: this.cookie },
    });
    if (!response.ok)
      throw new Error(`${path} answered ${response.status}: ${await messageOf(response)}`);
    return ((await response.json()) as { result: { data: T } }).result.data;
  }
}

/** A public procedure, as the patient page calls it. */
export async function publicQuery<T>(url: string, path: string): Promise<T> {
  const response = await fetch(`${url}/trpc/${path}`);
  if (!response.ok)
    throw new Error(`${path} answered ${response.status}: ${await messageOf(response)}`);
  return ((await response.json()) as { result: { data: T } }).result.data;
}

async function messageOf(response: Response): Promise<string> {
  const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
  return body?.error?.message ?? response.statusText;
}
