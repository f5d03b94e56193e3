// The admin's timelines merge an appointment's and its payments' state changes; each entry starts
// with the same fields, whichever table it comes from.

interface StateChangeRow {
  at: Date;
  from_status: unknown;
  to_status: unknown;
  source: unknown;
  reason: unknown;
}

// The casts keep each column's own type: a generic's property reads as its constraint's.
export function stateChange<Kind extends string, Row extends StateChangeRow>(kind: Kind, e: Row) {
  return {
    at: e.at,
    kind,
    from: e.from_status as Row['from_status'],
    to: e.to_status as Row['to_status'],
    source: e.source as Row['source'],
    reason: e.reason as Row['reason'],
  };
}

/** Oldest first, with times as the API sends them. */
export function inTimeOrder<Entry extends { at: Date }>(entries: Entry[]) {
  return entries
    .sort((a, b) => a.at.getTime() - b.at.getTime())
    .map((e) => ({ ...e, at: e.at.toISOString() }));
}
