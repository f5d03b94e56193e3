import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { planDelivery, shuffle, validateFaults } from './faults';

describe('fault planning', () => {
  it('is the same for the same seed', () => {
    const plans = (seed: number) => {
      const rng = createRng(seed);
      return Array.from({ length: 20 }, () =>
        planDelivery({ duplicateProbability: 0.5, dropProbability: 0.2 }, rng),
      );
    };
    expect(plans(9)).toEqual(plans(9));
    expect(plans(9)).not.toEqual(plans(10));
  });

  it('never drops or duplicates at probability 0, always at 1', () => {
    const rng = createRng(1);
    expect(planDelivery({}, rng)).toEqual({ drop: false, copies: 1, delayMs: 0 });
    expect(planDelivery({ dropProbability: 1, duplicateProbability: 1, delayMs: 5 }, rng)).toEqual({
      drop: true,
      copies: 2,
      delayMs: 5,
    });
  });

  it('shuffles into a permutation', () => {
    const out = shuffle([1, 2, 3, 4, 5, 6], createRng(5));
    expect([...out].sort()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(out).not.toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('refuses nonsense settings', () => {
    expect(() => validateFaults({ duplicateProbability: 1.5 })).toThrow(RangeError);
    expect(() => validateFaults({ shuffleWindow: 0 })).toThrow(RangeError);
    expect(() => validateFaults({ failNext: { count: -1 } })).toThrow(RangeError);
  });
});
