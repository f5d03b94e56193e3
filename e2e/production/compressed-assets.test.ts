// The patient SPA's production build as the API serves it, in Chromium: the entry script arrives
// as its brotli copy (gzip for a client without br), the scripts fetched until the first step can
// be used fit the budget, and the later steps' code is fetched only after that, once idle.
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApi, type TestApi } from '@clinicpay/api/testing';
import type { Browser, BrowserContext, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.js';
import { buildSpa } from '../support/build-spa.js';
import { FIRST_STEP_TIMELINE, readTimeline, type Timeline } from './support/first-step-timeline.js';

const BUDGET_KB = 120;
const LATER_STEPS = ['doctor-step', 'time-step', 'details-step', 'payment-step'];

describe('the patient SPA as the API serves its production build', () => {
  let outDir: string;
  let api: TestApi;
  let browser: Browser;

  beforeAll(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'patient-production-'));
    await buildSpa('patient', outDir);
    api = await startTestApi({ env: { PATIENT_DIST_DIR: outDir } });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.stop();
    await rm(outDir, { recursive: true, force: true });
  });

  /** Opens the booking page in a fresh context; resolves once the first step can be used. */
  async function openFirstStep(context: BrowserContext) {
    await context.addInitScript({ content: FIRST_STEP_TIMELINE });
    const page = await context.newPage();
    const entry = page.waitForResponse((r) => /\/assets\/index-[\w-]+\.js$/.test(r.url()));
    await page.goto(`${api.url}/`);
    await page.getByRole('button', { name: /General consultation/ }).waitFor();
    return { page, entry: await entry };
  }

  async function entryFile(response: Response, suffix: string): Promise<number> {
    const name = new URL(response.url()).pathname.split('/').at(-1)!;
    return (await stat(join(outDir, 'assets', `${name}${suffix}`))).size;
  }

  it('sends the entry script as its brotli copy, byte for byte', async () => {
    const context = await browser.newContext();
    try {
      const { entry } = await openFirstStep(context);
      const headers = await entry.allHeaders();
      expect(headers['content-encoding']).toBe('br');
      // Module scripts are fetched with CORS, so `Origin` is among the request headers varied on.
      expect(headers['vary']?.split(/,\s*/)).toContain('accept-encoding');
      expect(headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect((await entry.request().sizes()).responseBodySize).toBe(await entryFile(entry, '.br'));
    } finally {
      await context.close();
    }
  });

  it('sends the gzip copy to a browser that does not accept br, and the page works', async () => {
    const context = await browser.newContext({ extraHTTPHeaders: { 'accept-encoding': 'gzip' } });
    try {
      const { entry } = await openFirstStep(context);
      expect(await entry.headerValue('content-encoding')).toBe('gzip');
      expect((await entry.request().sizes()).responseBodySize).toBe(await entryFile(entry, '.gz'));
    } finally {
      await context.close();
    }
  });

  it(`transfers at most ${BUDGET_KB} KB of scripts until the first step is usable, the later steps after`, async () => {
    const context = await browser.newContext();
    try {
      const { page } = await openFirstStep(context);
      await page.waitForLoadState('networkidle');
      const timeline: Timeline = await readTimeline(page);
      const scripts = timeline.resources.filter((r) => r.name.endsWith('.js'));
      const before = scripts.filter((r) => r.startTime < timeline.usableAt!);
      const after = scripts.filter((r) => r.startTime >= timeline.usableAt!);
      const kb = (list: typeof scripts) => list.reduce((sum, r) => sum + r.transferSize, 0) / 1024;
      console.log(
        `first step usable at ${timeline.usableAt!.toFixed(0)} ms after ${before.length} scripts, ` +
          `${kb(before).toFixed(1)} KB transferred; then ${after.length} scripts, ${kb(after).toFixed(1)} KB`,
      );

      expect(timeline.usableAt).toBeGreaterThan(0);
      expect(before.length).toBeGreaterThan(0);
      // Every script is a compressed copy, so none may arrive at its raw size.
      for (const script of scripts)
        expect(script.encodedBodySize).toBeLessThan(script.decodedBodySize);
      expect(kb(before)).toBeLessThanOrEqual(BUDGET_KB);
      expect(
        before.map((r) => r.name).filter((n) => LATER_STEPS.some((s) => n.includes(s))),
      ).toEqual([]);
      // Prefetched once idle, so the next steps open without waiting for their code.
      for (const step of LATER_STEPS) expect(after.map((r) => r.name).join(' ')).toContain(step);
    } finally {
      await context.close();
    }
  });

  it('the build holds a brotli and a gzip copy of every script it serves', async () => {
    const files = await readdir(join(outDir, 'assets'));
    const scripts = files.filter((f) => f.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(5);
    const withoutCopies = scripts.filter(
      (f) => !files.includes(`${f}.br`) || !files.includes(`${f}.gz`),
    );
    expect(withoutCopies).toEqual([]);
  });
});
