// One tRPC call over real HTTP in the wire format the SPAs use without batching: a query is
// GET /trpc/<path>?input=<json>, a mutation POST /trpc/<path> with the JSON input as its body.
import { CSRF_HEADER } from './api-internals.js';

export type ProcedureType = 'query' | 'mutation';

export interface TrpcAnswer {
  /** The HTTP status, or null when no HTTP answer came (connection cut, timeout). */
  status: number | null;
  /** tRPC's error code (BAD_REQUEST, NOT_FOUND, …) when the answer was an error. */
  errorCode: string | null;
  /** The API's own code (slot_in_past, booking_not_found, …) when it gave one. */
  appCode: string | null;
  /** The procedure's result when it succeeded (`result.data`). */
  data: unknown;
  /** Why no HTTP answer came, when status is null. */
  failure: string | null;
  /** The size of what carried the input: the URL of a query, the body of a mutation. */
  requestBytes: number;
  /** The first attempt's connection was reset before any answer, and the call was sent again. */
  retried: boolean;
}

/** Larger than any input a SPA sends: such a request may be cut off mid-upload, and is not retried. */
const RETRYABLE_BYTES = 64 * 1024;

/**
 * `undefined` sends no input at all (GET without `?input`, POST without a body). A call of
 * ordinary size whose kept-alive connection was reset before any answer (the connection an
 * oversized upload before it left behind) is sent once more, as a browser does; a server that
 * resets or fails again is reported.
 */
export async function callProcedure(
  baseUrl: string,
  path: string,
  type: ProcedureType,
  input: unknown,
): Promise<TrpcAnswer> {
  const first = await callOnce(baseUrl, path, type, input);
  if (
    first.status !== null ||
    first.requestBytes > RETRYABLE_BYTES ||
    !/ECONNRESET|socket/i.test(first.failure ?? '')
  )
    return first;
  return { ...(await callOnce(baseUrl, path, type, input)), retried: true };
}

async function callOnce(
  baseUrl: string,
  path: string,
  type: ProcedureType,
  input: unknown,
): Promise<TrpcAnswer> {
  const json = input === undefined ? undefined : JSON.stringify(input);
  const url = `${baseUrl}/trpc/${path}${type === 'query' && json !== undefined ? `?input=${encodeURIComponent(json)}` : ''}`;
  // The CSRF header is what the admin SPA sends: with it, a refusal is about the input or the
  // session, never the missing header, so public mutations (sign-in) are reached for real.
  const headers: Record<string, string> = { [CSRF_HEADER]: '1' };
  const requestBytes = type === 'query' ? Buffer.byteLength(url) : Buffer.byteLength(json ?? '');
  // tRPC refuses a POST without a JSON content type (415) before any other check, even without a body.
  if (type === 'mutation') headers['content-type'] = 'application/json';
  try {
    const response = await fetch(url, {
      method: type === 'query' ? 'GET' : 'POST',
      headers,
      ...(type === 'mutation' && json !== undefined ? { body: json } : {}),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await response.text();
    const body = parseJson(text) as {
      result?: { data?: unknown };
      error?: { data?: { code?: unknown; appCode?: unknown } };
    } | null;
    const { code, appCode } = body?.error?.data ?? {};
    return {
      status: response.status,
      errorCode: typeof code === 'string' ? code : null,
      appCode: typeof appCode === 'string' ? appCode : null,
      data: body?.result?.data,
      failure: null,
      requestBytes,
      retried: false,
    };
  } catch (error) {
    const cause =
      error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
    const failure =
      error instanceof Error ? `${error.name}: ${error.message}${cause}` : String(error);
    return {
      status: null,
      errorCode: null,
      appCode: null,
      data: undefined,
      failure,
      requestBytes,
      retried: false,
    };
  }
}

/** Calls a procedure and returns its data, or throws with what came back (for setup steps). */
export async function callOrThrow<T>(
  baseUrl: string,
  path: string,
  type: ProcedureType,
  input: unknown,
): Promise<T> {
  const answer = await callProcedure(baseUrl, path, type, input);
  if (answer.status !== 200) {
    throw new Error(
      `${path} answered ${answer.status ?? answer.failure} (${answer.errorCode ?? 'no error code'}) during setup`,
    );
  }
  return answer.data as T;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
