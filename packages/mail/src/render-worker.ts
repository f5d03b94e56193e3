// A worker thread of the render pool (render-pool.ts): renders each message it is sent with
// renderMail and sends the mail back, or the error's message.
import { parentPort } from 'node:worker_threads';
import type { MailMessage, RenderedMail } from './message.js';
import { renderMail } from './render.js';

export interface RenderRequest {
  id: number;
  message: MailMessage;
  now: Date;
}

export type RenderReply =
  { id: number; ok: true; mail: RenderedMail } | { id: number; ok: false; error: string };

parentPort?.on('message', ({ id, message, now }: RenderRequest) => {
  // Through a promise, so a template that throws fails its message, not the worker.
  Promise.resolve({ now })
    .then((options) => renderMail(message, options))
    .then(
      (mail) => parentPort!.postMessage({ id, ok: true, mail } satisfies RenderReply),
      (error: unknown) =>
        parentPort!.postMessage({
          id,
          ok: false,
          error: error instanceof Error ? error.message : String(error),
        } satisfies RenderReply),
    );
});
