// The API serving built SPAs (production layout): pages with their own CSP and no-cache, hashed
// assets cached for a year, the SPA fallback, and the API's own routes and 404s left as they were.
// Fake builds in a temp folder stand in for the real ones (building the SPAs is the proof's job).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageContentSecurityPolicy } from '../src/http/page-csp.js';
import { startTestApi, type TestApi } from '../src/testing.js';

const root = mkdtempSync(join(tmpdir(), 'clinicpay-spa-'));
const patientDir = join(root, 'patient');
const adminDir = join(root, 'admin');

function fakeBuild(dir: string, title: string, asset: string): void {
  mkdirSync(join(dir, 'assets'), { recursive: true });
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><title>${title}</title><script type="module" src="/${asset}"></script>`,
  );
  writeFileSync(join(dir, asset), `console.log(${JSON.stringify(title)});`);
  writeFileSync(join(dir, 'robots.txt'), 'User-agent: *\n');
}
fakeBuild(patientDir, 'Book an appointment', 'assets/index-Ab12Cd34.js');
fakeBuild(adminDir, 'Clinic admin', 'assets/index-Ef56Gh78.js');
// Outside both builds, and a dotfile inside one: no URL may reach them.
writeFileSync(join(root, 'secret.txt'), 'not for the web');
writeFileSync(join(patientDir, '.hidden'), 'not for the web');

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({
    env: {
      PATIENT_DIST_DIR: patientDir,
      ADMIN_DIST_DIR: adminDir,
      STRIPE_JS_URL: 'http://127.0.0.1:12111/v3/stripe.js',
    },
  });
});
afterAll(async () => {
  await api?.stop();
  rmSync(root, { recursive: true, force: true });
});

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${api.url}${path}`, { headers, redirect: 'manual' });

function rawGet(path: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(api.url);
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: hostname, port, path, method: 'GET' }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', reject);
    request.end();
  });
}

describe('the patient and admin SPAs served by the API', () => {
  it.each([
    ['/', 'Book an appointment'],
    ['/booking/ABC123?session_id=cs_1', 'Book an appointment'],
    ['/admin/', 'Clinic admin'],
    ['/admin/transactions/3f1c', 'Clinic admin'],
  ])(
    '%s is a page of the right app, revalidated on every load, under the page CSP',
    async (path, title) => {
      const response = await get(path);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await response.text()).toContain(`<title>${title}</title>`);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(response.headers.get('content-security-policy')).toBe(
        pageContentSecurityPolicy({ stripeJsUrl: 'http://127.0.0.1:12111/v3/stripe.js' }),
      );
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.has('x-powered-by')).toBe(false);
    },
  );

  it('answers a page the browser already has with 304', async () => {
    const first = await get('/admin/');
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    const again = await get('/admin/', { 'if-none-match': etag! });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });

  it('sends hashed assets for a year, other files revalidated, with their types', async () => {
    const script = await get('/assets/index-Ab12Cd34.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await script.text()).toContain('Book an appointment');
    const adminScript = await get('/admin/assets/index-Ef56Gh78.js');
    expect(await adminScript.text()).toContain('Clinic admin');
    const robots = await get('/robots.txt');
    expect(robots.headers.get('cache-control')).toBe('no-cache');
    expect(robots.headers.get('content-type')).toBe('text/plain; charset=utf-8');
  });

  it.each(['/assets/index-missing.js', '/admin/assets/gone.css', '/logo.png', '/admin/app.js.map'])(
    'a missing file %s stays a 404, never the page',
    async (path) => {
      const response = await get(path);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('<title>');
    },
  );

  it('sends /admin to /admin/ with its query', async () => {
    const response = await get('/admin?next=transactions');
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('/admin/?next=transactions');
  });

  // Sent byte for byte (fetch would resolve the dot segments before they reach the server).
  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/admin/../secret.txt',
    '/admin/%2e%2e/secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/assets/%2e%2e%5c..%5csecret.txt',
    '/.hidden',
    '/%2ehidden',
    '/assets/%00.js',
  ])('%s cannot reach a file outside the build, nor a dotfile', async (path) => {
    const response = await rawGet(path);
    expect(response.status).not.toBe(200);
    expect(response.body).not.toContain('not for the web');
  });

  it("keeps the API's own routes and their 404s", async () => {
    const health = await get('/healthz');
    expect(await health.json()).toEqual({ status: 'ok', database: 'up' });
    const procedure = await get('/trpc/catalogue.services');
    expect(procedure.status).toBe(200);
    expect(procedure.headers.get('content-security-policy')).toContain("default-src 'none'");
    for (const path of [
      '/trpc/no/such',
      '/webhooks/stripe',
      '/exports/nothing.csv',
      '/healthz/deeper',
    ]) {
      const response = await get(path);
      expect({
        path,
        status: response.status,
        html: (await response.text()).includes('<title>'),
      }).toEqual({ path, status: 404, html: false });
    }
  });
});

describe('the page CSP', () => {
  const directive = (policy: string, name: string) =>
    policy.split('; ').find((d) => d.startsWith(`${name} `));

  it('allows scripts only from the origin and Stripe.js, with no inline script or eval', () => {
    const policy = pageContentSecurityPolicy({ stripeJsUrl: undefined });
    expect(directive(policy, 'script-src')).toBe(
      "script-src 'self' https://js.stripe.com https://*.js.stripe.com",
    );
    expect(directive(policy, 'frame-src')).toContain('https://checkout.stripe.com');
    expect(directive(policy, 'connect-src')).toContain('https://api.stripe.com');
    for (const rule of [
      "default-src 'self'",
      "frame-ancestors 'none'",
      "base-uri 'none'",
      "object-src 'none'",
      "form-action 'self'",
    ]) {
      expect(policy).toContain(rule);
    }
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval/);
  });

  it("puts a configured Stripe.js source's origin in place of Stripe's", () => {
    const policy = pageContentSecurityPolicy({
      stripeJsUrl: 'http://127.0.0.1:12111/v3/stripe.js',
    });
    expect(directive(policy, 'script-src')).toBe("script-src 'self' http://127.0.0.1:12111");
    expect(directive(policy, 'frame-src')).toBe('frame-src http://127.0.0.1:12111');
    expect(policy).not.toContain('stripe.com');
  });

  it("keeps every Stripe origin when STRIPE_JS_URL names Stripe's own script", () => {
    const real = pageContentSecurityPolicy({ stripeJsUrl: undefined });
    for (const url of [
      'https://js.stripe.com/v3/',
      'https://js.stripe.com/endive/stripe.js',
      'https://js.stripe.com',
    ]) {
      const policy = pageContentSecurityPolicy({ stripeJsUrl: url });
      // Embedded Checkout's frame and API calls live on checkout.stripe.com and api.stripe.com.
      expect(directive(policy, 'frame-src')).toContain('https://checkout.stripe.com');
      expect(directive(policy, 'connect-src')).toContain('https://api.stripe.com');
      expect(policy).toBe(real);
    }
    // A look-alike is not Stripe: it gets only its own origin.
    const lookalike = pageContentSecurityPolicy({
      stripeJsUrl: 'https://js.stripe.com.evil.example/v3',
    });
    expect(lookalike).not.toContain('checkout.stripe.com');
  });
});

describe('without builds', () => {
  it('starts and serves no page', async () => {
    const bare = await startTestApi({
      env: { PATIENT_DIST_DIR: join(root, 'none'), ADMIN_DIST_DIR: join(root, 'none') },
      seed: false,
    });
    try {
      expect((await fetch(`${bare.url}/`)).status).toBe(404);
      expect((await fetch(`${bare.url}/admin/`)).status).toBe(404);
      expect((await fetch(`${bare.url}/healthz`)).status).toBe(200);
    } finally {
      await bare.stop();
    }
  });
});
