/**
 * Benchmark (not a test): from the Confirm click to the card form visible, with the API, its
 * PostgreSQL and the Stripe emulator on this machine, against the production build of the patient
 * SPA (vite preview, proxying to the API). Each run is a fresh booking in a fresh browser context
 * (nothing cached). Target: median ≤ 800 ms. Writes docs/patient-performance.md.
 *
 *   pnpm --filter @clinicpay/e2e run bench            (RUNS=20 for more runs)
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startTestApi } from '@clinicpay/api/testing';
import { writeMarkdown } from '@clinicpay/testing';
import { startEmulator } from '@clinicpay/stripe-emulator';
import { preview } from 'vite';
import { launchBrowser } from '../../support/browser.js';
import { buildSpa } from '../../support/build-spa.js';
import { bookUpToPayment, choosePayment, openPatient } from '../support/booking-page.js';
import { DEMO_KEYS } from '@clinicpay/demo';

const RUNS = Number(process.env.RUNS ?? 12);
const TARGET_MS = 800;
const root = fileURLToPath(new URL('../../../apps/patient/', import.meta.url));
const docs = fileURLToPath(new URL('../../../docs/patient-performance.md', import.meta.url));

const outDir = await mkdtemp(join(tmpdir(), 'patient-bench-'));
await buildSpa('patient', outDir);

const stripe = await startEmulator({ port: 0, businessName: 'Riverside Family Clinic' });
// The SPA's port is taken by preview below; the return URL is not followed in this benchmark.
const api = await startTestApi({
  clock: { now: () => new Date(stripe.clock.nowMs()) },
  env: {
    STRIPE_API_URL: stripe.url,
    STRIPE_JS_URL: `${stripe.url}/v3/stripe.js`,
    PUBLIC_URL: 'http://127.0.0.1:4173',
  },
});
stripe.control.addWebhookEndpoint({
  url: `${api.url}/webhooks/stripe`,
  secret: DEMO_KEYS.webhookSigningSecret,
});
const server = await preview({
  root,
  configFile: `${root}vite.config.ts`,
  logLevel: 'warn',
  build: { outDir },
  preview: {
    host: '127.0.0.1',
    port: 0,
    proxy: { '/trpc': { target: api.url, changeOrigin: true } },
  },
});
const spaUrl = server.resolvedUrls?.local[0] ?? '';
const browser = await launchBrowser();

/**
 * In the page, on the page's clock: the Confirm press, and the first time the checkout frame
 * reports the card form's layout (its `resize` message; the loading state is far shorter). Playwright
 * needs some time to attach to the cross-origin frame and polls, so its own timing is kept apart
 * as an upper bound.
 */
const WATCH_FRAME = `
  window.__confirmAt = null;
  window.__formShownAt = null;
  document.addEventListener('click', () => { window.__confirmAt ??= performance.now(); }, { capture: true });
  window.addEventListener('message', (event) => {
    const data = event.data;
    if (data && data.source === 'clinicpay-stripe-emulator' && data.type === 'resize' && data.height > 300) {
      window.__formShownAt ??= performance.now();
    }
  });
`;

/** In the checkout frame: the "Card number" field is laid out and visible. */
function cardNumberVisible(): boolean {
  const label = Array.from(document.querySelectorAll('label')).find(
    (l) => l.textContent?.trim() === 'Card number',
  );
  const input = label?.control;
  if (!input) return false;
  const box = input.getBoundingClientRect();
  return box.width > 0 && box.height > 0 && getComputedStyle(input).visibility === 'visible';
}

const totals: number[] = [];
const observedTotals: number[] = [];
const creates: number[] = [];
try {
  for (let run = 0; run < RUNS + 1; run++) {
    const p = await openPatient(browser, spaUrl);
    await bookUpToPayment(p.page);
    await choosePayment(p.page, 'Stripe');
    // Let the payment step's prefetch (checkout chunk, Stripe.js) finish, as a reading patient would.
    await p.page.waitForLoadState('networkidle');
    await p.page.evaluate(WATCH_FRAME);
    const created = p.page.waitForResponse((r) => r.url().includes('booking.create'));
    const started = performance.now();
    await p.page.getByRole('button', { name: 'Confirm and pay' }).click();
    const response = await created;
    const createdAt = performance.now();
    // Watched from inside the pages on every animation frame: a locator's wait polls with backoff
    // (up to 500 ms apart), which would measure Playwright rather than the page.
    const frameElement = await p.page.waitForSelector('iframe[title="Embedded Checkout"]', {
      state: 'attached',
    });
    const frame = (await frameElement.contentFrame())!;
    await frame.waitForURL(/\/checkout\/embedded/);
    await frame.waitForFunction(cardNumberVisible, undefined, { polling: 'raf' });
    const observed = performance.now() - started;
    const inPage = await p.page.evaluate<number>('window.__formShownAt - window.__confirmAt');
    if (run > 0) {
      // Run 0 warms the API's and the emulator's code paths; it is not counted.
      totals.push(inPage);
      observedTotals.push(observed);
      creates.push(createdAt - started);
    }
    if (!response.ok()) throw new Error(`booking.create answered ${response.status()}`);
    await p.close();
    console.log(
      `run ${run}${run === 0 ? ' (warm-up)' : ''}: ${inPage.toFixed(0)} ms in the page, ${observed.toFixed(0)} ms seen by Playwright (booking.create ${(createdAt - started).toFixed(0)} ms)`,
    );
  }
} finally {
  await browser.close();
  await server.close();
  await api.stop();
  await stripe.stop();
  await rm(outDir, { recursive: true, force: true });
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const p90 = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.ceil(values.length * 0.9) - 1]!;
const fmt = (ms: number) => `${ms.toFixed(0)} ms`;
const summary = `# Patient SPA: Confirm to card form

Written by \`pnpm --filter @clinicpay/e2e run bench\` (e2e/patient/bench/confirm-to-card.bench.ts):
the production build of the patient SPA (\`vite preview\`, proxying \`/trpc\` to the API), the real
API on PostgreSQL and the Stripe emulator, all on this machine (${cpus().length} cores), in headless
Chromium. Each run books a fresh time in a fresh browser context. On the page's own clock, the time
runs from the Confirm press to the checkout frame reporting the card form's layout (its \`resize\`
message to the page, sent by a ResizeObserver before the frame paints). Playwright's view (until it
finds "Card number" visible inside the frame) is an upper bound: its polling and its attaching to
the out-of-process frame add tens of ms. One warm-up run is not counted. The machine is shared:
its load average was ${loadavg()[0]!.toFixed(1)} when these runs ended.
Target: median ≤ ${TARGET_MS} ms.

| | median | p90 | min | max |
| --- | ---: | ---: | ---: | ---: |
| Confirm → card form laid out, on the page's clock (${totals.length} runs) | **${fmt(median(totals))}** | ${fmt(p90(totals))} | ${fmt(Math.min(...totals))} | ${fmt(Math.max(...totals))} |
| the same, as Playwright sees it (includes attaching to the frame) | ${fmt(median(observedTotals))} | ${fmt(p90(observedTotals))} | ${fmt(Math.min(...observedTotals))} | ${fmt(Math.max(...observedTotals))} |
| of which \`booking.create\` (hold, checkout session at "Stripe", attach) | ${fmt(median(creates))} | ${fmt(p90(creates))} | ${fmt(Math.min(...creates))} | ${fmt(Math.max(...creates))} |

Why it is quick: the payment step starts fetching the checkout's chunk and Stripe.js as soon as
Stripe is the selected method, so after Confirm only \`booking.create\`, \`createEmbeddedCheckoutPage\`
(the key and client secret checked) and the frame's own page remain.

Result: ${median(totals) <= TARGET_MS ? 'within' : '**over**'} the target.

Before \`preloadable\` (apps/patient/src/components/preloadable.tsx), Playwright saw a median of
912 ms: React.lazy suspended once even with the checkout's code already fetched, and React 19
holds a shown Suspense fallback for about 300 ms before revealing what resolved behind it.

Fetching the later steps' code once the first step can be used (\`prefetchSteps\` from ServiceStep),
rather than while its list loads, left this where it was: two interleaved pairs of 20 runs each,
before and after, on a shared and busy machine, gave medians of 278 and 282 ms, then 322 and
215 ms; \`booking.create\` alone moved as much (133 and 138 ms, then 214 and 120 ms).
`;
await writeMarkdown(docs, summary);
console.log(summary);
