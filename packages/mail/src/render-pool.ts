import { Worker } from 'node:worker_threads';
import type { MailMessage, RenderedMail } from './message.js';
import type { RenderOptions } from './render.js';
import type { RenderReply, RenderRequest } from './render-worker.js';

const SOURCE = new URL('./render-worker.ts', import.meta.url);

/**
 * The worker from its TypeScript source, for runs from source (tsx, tests); a build has its own
 * file. `register` is the URL of a module whose `register()` makes TypeScript importable (tsx's
 * `tsx/esm/api`): Node 20 does not apply an `--import` loader to a worker's own entry, so the
 * worker registers it first, then imports the source.
 */
export function renderWorkerFromSource(register: string): URL {
  const code = `const { register } = await import(${JSON.stringify(register)}); register(); await import(${JSON.stringify(SOURCE.href)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
}

export interface RenderPoolOptions {
  /** The worker's entry: renderWorkerFromSource(…), or the built render-worker.ts. */
  worker: URL;
  /** Worker threads; messages go to them in turn. */
  size?: number;
}

export interface RenderPool {
  /** The same mail renderMail gives, rendered off this thread. */
  render(message: MailMessage, options?: RenderOptions): Promise<RenderedMail>;
  close(): Promise<void>;
}

interface Pending {
  resolve(mail: RenderedMail): void;
  reject(error: Error): void;
}

/**
 * renderMail in worker threads, so a sender's own thread is left to SMTP and the database. Each
 * worker renders its messages in the order they were asked for. Workers start at the first render
 * and do not keep the process alive; one that dies fails what it held and is replaced at the next.
 */
export function createRenderPool(options: RenderPoolOptions): RenderPool {
  const slots: Array<ReturnType<typeof startWorker> | null> = Array.from(
    { length: Math.max(1, options.size ?? 1) },
    () => null,
  );
  let turn = 0;
  let closed = false;

  const startWorker = (slot: number) => {
    const worker = new Worker(options.worker);
    worker.unref();
    const pending = new Map<number, Pending>();
    let nextId = 0;
    const failAll = (error: Error) => {
      if (slots[slot] === entry) slots[slot] = null;
      for (const p of pending.values()) p.reject(error);
      pending.clear();
    };
    worker.on('message', (reply: RenderReply) => {
      const p = pending.get(reply.id);
      pending.delete(reply.id);
      if (reply.ok) p?.resolve(reply.mail);
      else p?.reject(new Error(reply.error));
    });
    worker.on('error', failAll);
    worker.on('exit', (code) => failAll(new Error(`the mail render worker exited (${code})`)));
    const entry = {
      worker,
      render(message: MailMessage, now: Date): Promise<RenderedMail> {
        const id = nextId++;
        return new Promise<RenderedMail>((resolve, reject) => {
          pending.set(id, { resolve, reject });
          worker.postMessage({ id, message, now } satisfies RenderRequest);
        });
      },
    };
    return entry;
  };

  return {
    render(message, { now = new Date() } = {}) {
      if (closed) return Promise.reject(new Error('the mail render pool is closed'));
      const slot = turn++ % slots.length;
      const entry = (slots[slot] ??= startWorker(slot));
      return entry.render(message, now);
    },
    async close() {
      closed = true;
      const running = slots.splice(0).filter((s) => s !== null);
      await Promise.all(running.map((s) => s.worker.terminate()));
    },
  };
}
