import { Agent, request } from 'node:http';

export interface KeepAliveClient {
  post(
    url: string,
    headers: Record<string, string>,
    body: string,
  ): Promise<{ status: number; body: string }>;
  close(): void;
}

/**
 * A plain node:http client on kept-alive sockets, for load generators that share the machine with
 * what they measure: fetch (undici, web streams, abort signals) cost about 0.6 ms of CPU a request
 * here (a profile of the webhook benchmark), CPU the API then did not have on two cores.
 */
export function keepAliveClient(maxSockets: number): KeepAliveClient {
  const agent = new Agent({ keepAlive: true, maxSockets });
  return {
    post: (url, headers, body) =>
      new Promise((resolve, reject) => {
        const outgoing = request(
          url,
          {
            method: 'POST',
            agent,
            headers: { ...headers, 'content-length': Buffer.byteLength(body) },
          },
          (response) => {
            const chunks: Buffer[] = [];
            response.on('data', (chunk: Buffer) => chunks.push(chunk));
            response.on('end', () =>
              resolve({
                status: response.statusCode ?? 0,
                body: Buffer.concat(chunks).toString('utf8'),
              }),
            );
            response.on('error', reject);
          },
        );
        outgoing.on('error', reject);
        outgoing.end(body);
      }),
    close: () => agent.destroy(),
  };
}
