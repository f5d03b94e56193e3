/** Counts by key, kept in first-seen order. */
export type Tally = Map<string, number>;

export function bump(tally: Tally, key: string | number, by = 1): void {
  tally.set(String(key), (tally.get(String(key)) ?? 0) + by);
}

export function total(tally: Tally): number {
  return [...tally.values()].reduce((sum, n) => sum + n, 0);
}

/** "400 × 12, 413 × 3", sorted by key. */
export function formatTally(tally: Tally): string {
  if (tally.size === 0) return 'none';
  return [...tally.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, n]) => `${key} × ${n}`)
    .join(', ');
}
