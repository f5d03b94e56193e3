/**
 * An admin in Chromium: sign-in, the sections, drawers and toasts as a person uses them, every
 * response the page receives kept (so a test can prove no secret came back), screenshots.
 */
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';

export const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
export const ADMIN = { email: 'admin@clinicpay.test', password: 'demo-admin-password' } as const;
export const WIDTHS = { phone: 375, desktop: 1280 } as const;

export interface AdminPage {
  page: Page;
  context: BrowserContext;
  /** Console errors and uncaught exceptions seen so far. */
  errors: string[];
  /** The bodies of every API response (tRPC and downloads) the page received. */
  responses: string[];
  /** The whole page, or with `viewport` what the screen shows (a panel over the page, a dialog). */
  screenshot(name: string, options?: { viewport?: boolean }): Promise<void>;
  close(): Promise<void>;
}

/** A new browser context (its own cookies) at `path` of the admin, `width` pixels wide. */
export async function openAdmin(
  browser: Browser,
  adminUrl: string,
  options: { width?: number; path?: string } = {},
): Promise<AdminPage> {
  const width = options.width ?? WIDTHS.desktop;
  await mkdir(ARTIFACTS, { recursive: true });
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  const responses: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('response', (response) => {
    if (!/\/(trpc|exports)\//.test(response.url())) return;
    responses.push(response.url());
    response.text().then(
      (body) => responses.push(body),
      () => undefined,
    );
  });
  await page.goto(new URL(options.path ?? '', adminUrl).toString());
  return {
    page,
    context,
    errors,
    responses,
    async screenshot(name, { viewport = false } = {}) {
      // Toasts come and go; the screenshot shows the page as it settled.
      await page.waitForTimeout(150);
      await page.screenshot({ path: `${ARTIFACTS}${width}-${name}.png`, fullPage: !viewport });
    },
    close: () => context.close(),
  };
}

/** Signs in through the form (the page must be showing it) and waits for the page it returns to. */
export async function signIn(page: Page, heading: string | RegExp = 'Transactions') {
  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByLabel('Password').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

/** Goes to a section through the navigation, as a person would. */
export async function openSection(page: Page, name: string) {
  const link = page
    .getByRole('navigation', { name: 'Admin sections' })
    .getByRole('link', { name, exact: true });
  if (!(await link.isVisible())) await page.getByRole('button', { name: /^Menu/ }).click();
  await link.click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

/** A toast's title, once it is shown. */
export async function toast(page: Page, title: string | RegExp) {
  await page
    .getByRole('region', { name: /Notifications/ })
    .getByText(title)
    .first()
    .waitFor();
}

/** The detail panel (a modal dialog) with this title. */
export function drawer(page: Page, title: string | RegExp) {
  return page.getByRole('dialog', { name: title });
}
