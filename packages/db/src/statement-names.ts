import { createHash } from 'node:crypto';
import type { CompiledQuery } from 'kysely';

/**
 * How many distinct statements one process names. Each pooled connection prepares a statement
 * the first time it runs it and keeps it until the connection closes, so this also caps what a
 * connection holds on the server; texts beyond it run unnamed, as before.
 */
export const MAX_NAMED_STATEMENTS = 500;

/** A multi-row `VALUES` is named up to this many rows: at most this many texts per statement. */
export const MAX_NAMED_VALUES_ROWS = 4;

/**
 * Names the statements worth preparing: PostgreSQL parses and plans a named statement once per
 * connection instead of on every call. Only texts that repeat are named: a query whose text grows
 * with its input (an `IN` list, a `VALUES` of many rows) would leave a new statement on every
 * connection for each length, so it runs unnamed; and so do texts without parameters (`begin`,
 * `commit`, savepoints), which gain nothing.
 */
export class StatementNames {
  readonly #names = new Map<string, string>();

  constructor(readonly limit = MAX_NAMED_STATEMENTS) {}

  nameOf(query: CompiledQuery): string | undefined {
    if (query.parameters.length === 0) return undefined;
    const known = this.#names.get(query.sql);
    if (known !== undefined) return known;
    if (this.#names.size >= this.limit || hasValueList(query.query)) return undefined;
    // A hash of the text: the same statement gets the same name on every connection and replica.
    const name = `cp_${createHash('sha1').update(query.sql).digest('base64url')}`;
    this.#names.set(query.sql, name);
    return name;
  }

  get size(): number {
    return this.#names.size;
  }
}

/**
 * True when the operation tree holds a list of values whose length comes from the input: the
 * right side of `IN (…)`, or the rows of a `VALUES` of more than a few rows. A row's column list
 * is fixed by the code that wrote it, and a handful of rows (the two or three messages one booking
 * queues) makes a handful of texts.
 */
export function hasValueList(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(hasValueList);
  if (node === null || typeof node !== 'object') return false;
  const { kind } = node as { kind?: unknown };
  switch (kind) {
    case 'ValueNode':
      return false; // a bound parameter; its value (a JSON object, say) is data, not SQL
    case 'PrimitiveValueListNode':
    case 'ValueListNode':
      return true;
    case 'ValuesNode': {
      const rows = (node as { values: readonly { kind: string; values: readonly unknown[] }[] })
        .values;
      if (rows.length > MAX_NAMED_VALUES_ROWS) return true;
      // A primitive row holds only parameters; a row of nodes may hold subqueries.
      return rows.some((row) => row.kind === 'ValueListNode' && row.values.some(hasValueList));
    }
    default:
      return Object.values(node).some(hasValueList);
  }
}
