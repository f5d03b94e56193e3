// The proof of work under the pages' real Content-Security-Policy: the production build as the API
// serves it, the clinic's challenge on. The widget and its worker come from the app's origin, the
// booking goes through, and Chromium reports no CSP violation.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApi, type TestApi } from '@clinicpay/api/testing';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.js';
import { buildSpa } from '../support/build-spa.js';
import { bookUpToPayment, choosePayment, resultHeading } from '../patient/support/booking-page.js';

describe('the proof of work in the production build, under its CSP', () => {
  let outDir: string;
  let api: TestApi;
  let browser: Browser;

  beforeAll(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'patient-challenge-'));
    await buildSpa('patient', outDir);
    api = await startTestApi({ env: { PATIENT_DIST_DIR: outDir, BOOKING_CHALLENGE: 'auto' } });
    await api.db.updateTable('clinics').set({ booking_challenge_always: true }).execute();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.stop();
    await rm(outDir, { recursive: true, force: true });
  });

  it('books with the challenge solved, with no CSP violation', async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const violations: string[] = [];
      page.on('console', (message) => {
        if (/Content Security Policy|Refused to/i.test(message.text()))
          violations.push(message.text());
      });
      const scripts: string[] = [];
      page.on('request', (request) => scripts.push(new URL(request.url()).pathname));
      await page.goto(`${api.url}/`);
      await bookUpToPayment(page);
      await choosePayment(page, 'Pay at clinic');
      await page.getByRole('button', { name: 'Confirm booking' }).click();
      await resultHeading(page, 'Your appointment is confirmed');
      expect(scripts.some((p) => /\/assets\/altcha-solver-[\w-]+\.js$/.test(p))).toBe(true);
      expect(scripts.some((p) => /\/assets\/sha-[\w-]+\.js$/.test(p))).toBe(true);
      expect(violations).toEqual([]);
      // The booking carried a solution the API verified and spent.
      const spent = await api.db
        .selectFrom('rate_limit_counters')
        .select('count')
        .where('key', 'like', 'challenge:%')
        .execute();
      expect(spent).toEqual([{ count: 1 }]);
      const page2 = await context.newPage();
      const served = await page2.goto(`${api.url}/`);
      expect(served?.headers()['content-security-policy']).toContain("script-src 'self'");
    } finally {
      await context.close();
    }
  });
});
