// HTTP calls to an API replica with node:http, so each call can come from a chosen loopback
// address (127.0.0.x: a distinct client address to the API, no X-Forwarded-For needed), and
// every answer is kept whole (status, headers, body) for the secret scan.
import { request as httpRequest } from 'node:http';

export interface Answer {
  method: string;
  url: string;
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface CallOptions {
  headers?: Record<string, string>;
  /** The client address the call comes from; default 127.0.0.1. */
  from?: string;
}

/** Every answer any call of this run received. */
export class AnswerLog {
  readonly answers: Answer[] = [];
  /** What was sent with a secret in it (a sign-in, a settings save), for the scan's self-test. */
  readonly sentBodies: string[] = [];
}

export async function send(
  log: AnswerLog,
  method: 'GET' | 'POST',
  url: string,
  body?: string,
  options: CallOptions = {},
): Promise<Answer> {
  const target = new URL(url);
  if (body !== undefined) log.sentBodies.push(body);
  const answer = await new Promise<Answer>((resolve, reject) => {
    const req = httpRequest(
      {
        method,
        host: target.hostname,
        port: target.port,
        path: `${target.pathname}${target.search}`,
        localAddress: options.from ?? '127.0.0.1',
        headers: {
          ...(body !== undefined
            ? {
                'content-type': 'application/json',
                'content-length': String(Buffer.byteLength(body)),
              }
            : {}),
          ...options.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            method,
            url,
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
  log.answers.push(answer);
  return answer;
}

/** The tRPC envelope of an answer: `{ result: { data } }` or `{ error: { message, data: { code } } }`. */
export interface TrpcEnvelope {
  result?: { data: unknown };
  error?: { message: string; data?: { code?: string; appCode?: string | null } };
}

export function envelope(answer: Answer): TrpcEnvelope {
  try {
    return JSON.parse(answer.body) as TrpcEnvelope;
  } catch {
    return {};
  }
}

export function dataOf<T>(answer: Answer): T {
  const body = envelope(answer);
  if (!body.result)
    throw new Error(
      `${answer.method} ${answer.url} answered ${answer.status}: ${answer.body.slice(0, 300)}`,
    );
  return body.result.data as T;
}
