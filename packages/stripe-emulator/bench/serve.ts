/**
 * A server for the benchmark, run in a child process so the server and the SDK client do not
 * share one event loop: `emulator` is the Stripe emulator; `baseline` is a bare node:http server
 * that reads the body and answers a fixed, pre-serialised checkout session of the same size.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startEmulator } from '../src/index';

const kind = process.argv[2];

async function start(): Promise<number> {
  if (kind === 'emulator') return (await startEmulator({ port: 0 })).port;
  const fixed = process.argv[3] ?? '{}';
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, {
        'Content-Type': 'application/json',
        'Content-Length': Buffer.byteLength(fixed),
        'Request-Id': 'req_baseline',
      });
      res.end(fixed);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

const port = await start();
process.send?.({ port });
// The benchmark asks for CPU time before and after each round: server-side cost per request.
process.on('message', () => process.send?.({ cpu: process.cpuUsage() }));
process.on('disconnect', () => process.exit(0));
