import type { Frame, Page } from 'playwright-core';

/** What has focus, as a person would name it: its label, or its text. */
function focusedName(): string {
  const el = document.activeElement;
  if (!el || el === document.body) return '';
  if (el.tagName === 'IFRAME') return `iframe:${el.getAttribute('title') ?? ''}`;
  const labelled = el.getAttribute('aria-label');
  if (labelled) return labelled;
  const input = el as HTMLInputElement;
  if (input.labels?.[0]) return input.labels[0].textContent ?? '';
  const by = el.getAttribute('aria-labelledby');
  if (by)
    return by
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ');
  return (el.textContent ?? '').trim();
}

/** Presses Tab (only Tab) until the focused element's name matches; fails after `max` presses. */
export async function tabTo(
  page: Page,
  name: RegExp,
  options: { frame?: Frame; max?: number } = {},
): Promise<void> {
  const max = options.max ?? 40;
  const where = options.frame ?? page;
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const focused = await where.evaluate(focusedName);
    if (name.test(focused)) return;
  }
  throw new Error(`Tab never reached ${name} in ${max} presses.`);
}

/**
 * The element that has focus, named. Focus often moves a frame after the change that causes it
 * (react-aria hands it back to a dialog's trigger in an animation frame), so tests poll it:
 * `await expect.poll(() => focused(page)).toBe(...)`.
 */
export function focused(where: Page | Frame): Promise<string> {
  return where.evaluate(focusedName);
}
