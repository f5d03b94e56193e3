import { sql, type RawBuilder } from 'kysely';

/**
 * `= any($1::text[])` in place of `in ($1, $2, …)`: the list is one parameter whatever its length,
 * so the statement's text stays fixed and is prepared once per connection (statement-names.ts
 * never names a text with an IN list). Use with `=`: `.where('status', '=', anyOf(from))`.
 */
export function anyOf<T extends string>(values: readonly T[]): RawBuilder<T> {
  return sql<T>`any(${[...values]}::text[])`;
}

/** The same for `not in`: `.where('status', '<>', allOf(['failed', 'canceled']))`. */
export function allOf<T extends string>(values: readonly T[]): RawBuilder<T> {
  return sql<T>`all(${[...values]}::text[])`;
}
