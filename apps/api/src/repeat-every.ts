/**
 * Runs `round` every `intervalMs` until stopped, never two at once in one process (a round still
 * going when the next is due makes it skip); a failed round is reported and the next one tries
 * again. The timer does not keep the process alive.
 */
export function repeatEvery(
  intervalMs: number,
  round: () => Promise<unknown>,
  failed: (error: unknown) => void,
): { stop(): Promise<void> } {
  let running: Promise<unknown> | null = null;
  const timer = setInterval(() => {
    if (running) return;
    running = round()
      .catch(failed)
      .finally(() => {
        running = null;
      });
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
