/** Applies an endpoint's faults to an event, deterministically for a given seed. */
import type { Rng } from '../rng';
import type { WebhookFaults } from './endpoints';

export interface FaultPlan {
  drop: boolean;
  copies: number;
  delayMs: number;
}

/** Decides, for one event and endpoint, whether it is dropped, duplicated or delayed. */
export function planDelivery(faults: WebhookFaults, rng: Rng): FaultPlan {
  // Draw both numbers every time so one fault's setting never shifts the other's sequence.
  const dropDraw = rng();
  const duplicateDraw = rng();
  return {
    drop: dropDraw < (faults.dropProbability ?? 0),
    copies: duplicateDraw < (faults.duplicateProbability ?? 0) ? 2 : 1,
    delayMs: faults.delayMs ?? 0,
  };
}

/** Fisher–Yates with the endpoint's generator. */
export function shuffle<T>(items: T[], rng: Rng): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

export function validateFaults(faults: WebhookFaults): void {
  const probability = (name: string, value: number | undefined) => {
    if (value !== undefined && !(value >= 0 && value <= 1))
      throw new RangeError(`${name} must be between 0 and 1`);
  };
  probability('duplicateProbability', faults.duplicateProbability);
  probability('dropProbability', faults.dropProbability);
  probability('failFirstProbability', faults.failFirstProbability);
  if (
    faults.shuffleWindow !== undefined &&
    !(Number.isInteger(faults.shuffleWindow) && faults.shuffleWindow >= 1)
  ) {
    throw new RangeError('shuffleWindow must be a positive integer');
  }
  if (faults.delayMs !== undefined && !(faults.delayMs >= 0))
    throw new RangeError('delayMs must be >= 0');
  if (faults.failNext && !(Number.isInteger(faults.failNext.count) && faults.failNext.count >= 0)) {
    throw new RangeError('failNext.count must be a non-negative integer');
  }
}
