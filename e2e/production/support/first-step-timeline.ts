import type { Page } from 'playwright-core';

/**
 * In the page, before its scripts: the moment the first step can be used (its first service
 * button is in the document), on the clock the Resource Timing entries use. As a string: this runs
 * in the page, and this package is typed for Node, not the DOM.
 */
export const FIRST_STEP_TIMELINE = `
  window.__usableAt = null;
  new MutationObserver((_, observer) => {
    if (document.querySelector('section[aria-label="Services"] button')) {
      window.__usableAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
`;

export interface Timeline {
  usableAt: number | null;
  resources: Array<{
    name: string;
    startTime: number;
    transferSize: number;
    encodedBodySize: number;
    decodedBodySize: number;
  }>;
}

export function readTimeline(page: Page): Promise<Timeline> {
  return page.evaluate<Timeline>(`({
    usableAt: window.__usableAt,
    resources: performance.getEntriesByType('resource').map((r) => ({
      name: r.name,
      startTime: r.startTime,
      transferSize: r.transferSize,
      encodedBodySize: r.encodedBodySize,
      decodedBodySize: r.decodedBodySize,
    })),
  })`);
}
