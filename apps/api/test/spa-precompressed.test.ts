// The builds' brotli and gzip copies, chosen by Accept-Encoding: the copy's bytes as they are on
// disk, under the original's type, caching and page CSP, with `Vary: Accept-Encoding` on every
// variant; nothing is compressed per request. Fake builds stand in for the real ones, as in
// spa-static.test.ts (the Chromium test in e2e/production runs the real ones).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../src/testing.js';

const root = mkdtempSync(join(tmpdir(), 'clinicpay-spa-compressed-'));
const patientDir = join(root, 'patient');
const adminDir = join(root, 'admin');
const SCRIPT = `console.log(${JSON.stringify('Book an appointment '.repeat(200))});`;
const PAGE = `<!doctype html><title>Book an appointment</title>${'<p>text</p>'.repeat(100)}`;

/** Writes a file with its .br and .gz copies beside it, as the Vite build does. */
function withCopies(path: string, text: string): void {
  writeFileSync(path, text);
  writeFileSync(`${path}.br`, brotliCompressSync(text));
  writeFileSync(`${path}.gz`, gzipSync(text));
}

mkdirSync(join(patientDir, 'assets'), { recursive: true });
mkdirSync(join(adminDir, 'assets'), { recursive: true });
withCopies(join(patientDir, 'index.html'), PAGE);
withCopies(join(patientDir, 'assets/index-Ab12Cd34.js'), SCRIPT);
withCopies(join(adminDir, 'index.html'), PAGE.replace('Book an appointment', 'Clinic admin'));
// Too small to be worth a copy: the build leaves it alone, and so does the server.
writeFileSync(join(patientDir, 'assets/tiny-Ij90Kl12.js'), 'export {};');
// Outside the build, compressed copies included: no URL may reach them.
withCopies(join(root, 'secret.txt'), 'not for the web');

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({
    env: { PATIENT_DIST_DIR: patientDir, ADMIN_DIST_DIR: adminDir },
    seed: false,
  });
});
afterAll(async () => {
  await api?.stop();
  rmSync(root, { recursive: true, force: true });
});

interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** The bytes as sent (fetch would decode them), with the path sent as written. */
function rawGet(path: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  const { hostname, port } = new URL(api.url);
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: hostname, port, path, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks),
        }),
      );
    });
    request.on('error', reject);
    request.end();
  });
}

const CHROMIUM = 'gzip, deflate, br, zstd';

describe('precompressed copies of the builds', () => {
  it('sends the brotli copy to a browser that accepts br, as the script it stands for', async () => {
    const response = await rawGet('/assets/index-Ab12Cd34.js', { 'accept-encoding': CHROMIUM });
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['vary']).toBe('accept-encoding');
    expect(response.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.body.equals(brotliCompressSync(SCRIPT))).toBe(true);
    expect(Number(response.headers['content-length'])).toBe(response.body.length);
    expect(response.body.length).toBeLessThan(SCRIPT.length / 10);
  });

  it('sends the gzip copy to a client that does not accept br', async () => {
    const response = await rawGet('/assets/index-Ab12Cd34.js', { 'accept-encoding': 'gzip' });
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(response.headers['vary']).toBe('accept-encoding');
    expect(response.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(response.body.equals(gzipSync(SCRIPT))).toBe(true);
  });

  it('sends the file itself to a client that accepts no encoding, still varying on it', async () => {
    const response = await rawGet('/assets/index-Ab12Cd34.js');
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.headers['vary']).toBe('accept-encoding');
    expect(response.body.toString()).toBe(SCRIPT);
  });

  it('compresses nothing per request: a file without copies is sent as it is', async () => {
    const response = await rawGet('/assets/tiny-Ij90Kl12.js', { 'accept-encoding': CHROMIUM });
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.headers['vary']).toBe('accept-encoding');
    expect(response.body.toString()).toBe('export {};');
  });

  it.each(['/', '/booking/ABC123', '/admin/', '/admin/transactions/3f1c'])(
    'sends the page %s compressed, with the page CSP and no-cache',
    async (path) => {
      const response = await rawGet(path, { 'accept-encoding': CHROMIUM });
      expect(response.status).toBe(200);
      expect(response.headers['content-encoding']).toBe('br');
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.headers['content-security-policy']).toMatch(/^default-src 'self'; /);
      expect(response.headers['vary']).toBe('accept-encoding');
      const title = path.startsWith('/admin/') ? 'Clinic admin' : 'Book an appointment';
      expect(brotliDecompressSync(response.body).toString()).toContain(`<title>${title}</title>`);
    },
  );

  it('answers 304 to the validator of the copy the browser has, and only to that one', async () => {
    const br = await rawGet('/assets/index-Ab12Cd34.js', { 'accept-encoding': 'br' });
    const plain = await rawGet('/assets/index-Ab12Cd34.js');
    expect(br.headers.etag).toMatch(/^W\/"/);
    expect(br.headers.etag).not.toBe(plain.headers.etag);
    const again = await rawGet('/assets/index-Ab12Cd34.js', {
      'accept-encoding': 'br',
      'if-none-match': br.headers.etag!,
    });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    const otherCopy = await rawGet('/assets/index-Ab12Cd34.js', {
      'accept-encoding': 'gzip',
      'if-none-match': br.headers.etag!,
    });
    expect(otherCopy.status).toBe(200);
    expect(otherCopy.headers['content-encoding']).toBe('gzip');
  });

  it.each(['/../secret.txt', '/%2e%2e/secret.txt', '/admin/%2e%2e/secret.txt'])(
    '%s reaches no copy outside the build either',
    async (path) => {
      const response = await rawGet(path, { 'accept-encoding': CHROMIUM });
      expect(response.status).not.toBe(200);
      expect(response.body.equals(brotliCompressSync('not for the web'))).toBe(false);
      expect(response.body.toString()).not.toContain('not for the web');
    },
  );
});
