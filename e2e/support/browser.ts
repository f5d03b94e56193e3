import { existsSync } from 'node:fs';
import { CHROMIUM_ARGS } from '@clinicpay/testing';
import { chromium, type Browser } from 'playwright-core';

// The distribution's Chromium, never a downloaded one (docs/contributing.md, toolchain): no network
// at test time.
const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** Where Chromium is: `CHROMIUM_PATH`, else Debian's. Fails with the one line that fixes it. */
export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? DEFAULT_CHROMIUM;
  if (!existsSync(path)) {
    throw new Error(
      `Chromium not found at ${path}: install it (apt-get install -y chromium) or set CHROMIUM_PATH.`,
    );
  }
  return path;
}

/** A headless Chromium driven by playwright-core. Close it in afterAll. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
}
