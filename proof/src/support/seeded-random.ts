/** A small seeded generator (mulberry32): the same seed gives the same choices on every run. */
export interface Rng {
  /** A float in [0, 1). */
  next: () => number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** `length` hexadecimal digits. */
  hex(length: number): string;
  /** `length` printable ASCII characters. */
  ascii(length: number): string;
}

export function seededRandom(seed: number): Rng {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const chars = (length: number, alphabet: string) =>
    Array.from({ length }, () => alphabet[int(0, alphabet.length - 1)]).join('');
  return {
    next,
    int,
    pick: <T>(items: readonly T[]) => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[int(0, items.length - 1)]!;
    },
    hex: (length) => chars(length, '0123456789abcdef'),
    ascii: (length) =>
      chars(length, Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('')),
  };
}
