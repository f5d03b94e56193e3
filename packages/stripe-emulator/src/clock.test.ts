import { describe, expect, it } from 'vitest';
import { Clock } from './clock';

describe('Clock', () => {
  it('follows real time plus what tests advance', () => {
    const clock = new Clock();
    const before = Math.floor(Date.now() / 1000);
    clock.advance(3600);
    expect(clock.now()).toBeGreaterThanOrEqual(before + 3600);
    expect(clock.now()).toBeLessThanOrEqual(before + 3601);
  });

  it('stands still when frozen and tells listeners when it moves', () => {
    const clock = new Clock({ frozenAt: 1_800_000_000 });
    const seen: number[] = [];
    clock.onChange((now) => seen.push(now));
    expect(clock.now()).toBe(1_800_000_000);
    clock.advance(90);
    clock.set(1_800_000_500);
    expect(seen).toEqual([1_800_000_090, 1_800_000_500]);
  });

  it('never goes back', () => {
    const clock = new Clock({ frozenAt: 1_800_000_000 });
    expect(() => clock.set(1_799_999_999)).toThrow(RangeError);
    expect(() => clock.advance(-1)).toThrow(RangeError);
  });
});
