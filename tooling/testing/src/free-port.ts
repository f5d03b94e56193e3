import { randomInt } from 'node:crypto';
import { createServer } from 'node:net';

// Below Linux's ephemeral range (32768–60999): a port the OS hands to `listen(0)` or to an outgoing
// connection (every database and HTTP client in the run makes some) is never taken from here, so a
// port chosen now is still free when a server binds it a few seconds later. CI lost that race when
// ports came from `listen(0)`.
const LOWEST = 20_000;
const HIGHEST = 32_000;

/** Ports this process handed out already: two callers that have not bound theirs yet never share one. */
const handedOut = new Set<number>();

/**
 * A port nothing listens on now, for a server (an API process, a Vite server, a throwaway
 * PostgreSQL) that must know its address before it starts.
 */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = randomInt(LOWEST, HIGHEST);
    if (handedOut.has(port) || !(await canListen(port))) continue;
    handedOut.add(port);
    return port;
  }
  throw new Error(`No free port found between ${LOWEST} and ${HIGHEST} in 50 tries.`);
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}
