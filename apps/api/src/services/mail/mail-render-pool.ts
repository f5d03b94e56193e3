import { createRenderPool, renderWorkerFromSource, type RenderPool } from '@clinicpay/mail';

/** The render worker's file in the build, beside main.mjs (build.ts writes it). */
export const BUILT_RENDER_WORKER = 'mail-render-worker';

/**
 * The sender's render pool. One worker is enough: it renders about 2,000 messages a second, more
 * than a pool of SMTP connections sends, and the sender's own thread is left to SMTP and the
 * database. From the build the worker is the built file; from source (tsx, tests) it is the mail
 * package's TypeScript, loaded through tsx as the API itself is.
 */
export function createMailRenderPool(): RenderPool {
  if (!import.meta.url.endsWith('.ts')) {
    return createRenderPool({ worker: new URL(`./${BUILT_RENDER_WORKER}.mjs`, import.meta.url) });
  }
  return createRenderPool({ worker: renderWorkerFromSource(import.meta.resolve('tsx/esm/api')) });
}
