/**
 * A patient in Chromium: the booking wizard's steps as a person does them, the card form inside
 * the emulator's Embedded Checkout frame, screenshots and axe-core scans.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';

export const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
export const PATIENT = { name: 'Ada Lovelace', email: 'ada@example.com', phone: '+1 212 555 0100' };
export const CARDS = {
  success: '4242 4242 4242 4242',
  declined: '4000 0000 0000 0002',
  authenticate: '4000 0025 0000 3155',
} as const;
export const WIDTHS = { phone: 375, desktop: 1280 } as const;

export interface PatientPage {
  page: Page;
  context: BrowserContext;
  /** Console errors and uncaught exceptions seen so far. */
  errors: string[];
  checkout: FrameLocator;
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

/** A new browser context (its own storage: another device) at the SPA, `width` pixels wide. */
export async function openPatient(
  browser: Browser,
  url: string,
  width: number = WIDTHS.desktop,
): Promise<PatientPage> {
  await mkdir(ARTIFACTS, { recursive: true });
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  return {
    page,
    context,
    errors,
    checkout: page.frameLocator('iframe[title="Embedded Checkout"]'),
    async screenshot(name) {
      await page.screenshot({ path: `${ARTIFACTS}${width}-${name}.png`, fullPage: true });
    },
    close: () => context.close(),
  };
}

export async function chooseService(page: Page, name = 'General consultation') {
  await page.getByRole('button', { name: new RegExp(name) }).click();
  await page.getByRole('heading', { level: 2, name: 'Choose a doctor' }).waitFor();
}

export async function chooseDoctor(page: Page, name = 'Any available doctor') {
  await page.getByRole('button', { name: new RegExp(name) }).click();
  await page.getByRole('heading', { level: 2, name: 'Choose a date and time' }).waitFor();
}

/** The first free time the calendar offers (moving to the next month when this one is full). */
export async function chooseFirstFreeTime(page: Page): Promise<string> {
  const times = page.getByRole('region', { name: /^Free times on / });
  const nextMonth = page.getByRole('button', { name: 'Show the next month' });
  await times.or(nextMonth).first().waitFor();
  if (await nextMonth.isVisible()) {
    await nextMonth.click();
    await times.waitFor();
  }
  const first = times.getByRole('button').first();
  const label = `${await times.getAttribute('aria-label')} ${await first.innerText()}`;
  await first.click();
  await page.getByRole('heading', { level: 2, name: 'Your details' }).waitFor();
  return label;
}

export async function fillDetails(page: Page, patient = PATIENT) {
  await page.getByLabel('Full name').fill(patient.name);
  await page.getByLabel('Email').fill(patient.email);
  await page.getByLabel('Phone').fill(patient.phone);
  await page.getByRole('button', { name: 'Continue to payment' }).click();
  await page.getByRole('heading', { level: 2, name: 'Payment' }).waitFor();
}

/** Service → any doctor → first free time → details: the payment step, ready to confirm. */
export async function bookUpToPayment(
  page: Page,
  service = 'General consultation',
): Promise<string> {
  await chooseService(page, service);
  await chooseDoctor(page);
  const time = await chooseFirstFreeTime(page);
  await fillDetails(page);
  return time;
}

/** Picks a payment method by its label, as a pointer user does (the radio input itself is hidden). */
export async function choosePayment(page: Page, label: 'Stripe' | 'Pay at clinic') {
  await page.locator('label').filter({ hasText: label }).click();
  await page
    .getByRole('radio', { name: new RegExp(label), checked: true })
    .waitFor({ state: 'attached' });
}

/** Confirm with card: resolves when the card form is visible; returns the booking reference. */
export async function confirmAndOpenCard(patient: PatientPage): Promise<string> {
  await choosePayment(patient.page, 'Stripe');
  await patient.page.getByRole('button', { name: 'Confirm and pay' }).click();
  await patient.checkout.getByLabel('Card number').waitFor();
  return currentReference(patient.page);
}

/** The reference of the booking this tab holds (the wizard keeps it while the card form is open). */
export async function currentReference(page: Page): Promise<string> {
  const saved = await page.evaluate(() => sessionStorage.getItem('clinicpay.wizard'));
  const reference = (JSON.parse(saved ?? '{}') as { checkout?: { reference?: string } }).checkout
    ?.reference;
  if (!reference) throw new Error('No booking is open for payment in this tab.');
  return reference;
}

/** The status link's token, as the tab remembered it when the booking was made. */
export async function tokenOf(page: Page, reference: string): Promise<string> {
  const saved = await page.evaluate(
    (ref) => sessionStorage.getItem(`clinicpay.booking.${ref}`),
    reference,
  );
  const token = (JSON.parse(saved ?? '{}') as { token?: string }).token;
  if (!token) throw new Error(`This tab does not know the token of ${reference}.`);
  return token;
}

export async function payByCard(checkout: FrameLocator, card: string) {
  await checkout.getByLabel('Card number').fill(card);
  await checkout.getByLabel('Expiry').fill('12 / 34');
  await checkout.getByLabel('CVC').fill('123');
  await checkout.getByLabel('Name on card').fill(PATIENT.name);
  await checkout.getByRole('button', { name: /^Pay / }).click();
}

export async function resultHeading(page: Page, name: string) {
  await page.getByRole('heading', { level: 1, name }).waitFor({ timeout: 20_000 });
}

let axeSource: string | null = null;
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * axe-core's WCAG 2.x A/AA and best-practice rules on the page; the serious and critical findings.
 * The checkout frame is the emulator's (cross-origin, scanned in its own tests), so frames are skipped.
 */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  axeSource ??= await readFile(
    createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
    'utf8',
  );
  if (!(await page.evaluate(() => 'axe' in window)))
    await page.addScriptTag({ content: axeSource });
  // Colour transitions caught half-way (a button fading after a click) read as low contrast:
  // settle them before measuring.
  await page.addStyleTag({
    content: '*, *::before, *::after { transition: none !important; animation: none !important; }',
  });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            context: unknown,
            options: unknown,
          ) => Promise<{
            violations: {
              id: string;
              impact: string | null;
              help: string;
              nodes: { target: unknown[] }[];
            }[];
          }>;
        };
      }
    ).axe;
    const result = await axe.run(document, {
      iframes: false,
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
      },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => JSON.stringify(n.target)),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
