import type { ColumnType, Generated } from 'kysely';

/** timestamptz: always read as a `Date` (UTC instant); written as a `Date` or an ISO string. */
export type Timestamp = ColumnType<Date, Date | string, Date | string>;
export type NullableTimestamp = ColumnType<Date | null, Date | string | null, Date | string | null>;
/** A timestamptz with a database default (`now()`); pass the injected clock's time where it matters. */
export type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}
/**
 * jsonb holding an object (event payloads, details): read as parsed JSON; written as a JSON string (`JSON.stringify(x)`), because pg would turn a
 * JS array parameter into a PostgreSQL array while PGlite would not.
 */
export type Json = ColumnType<JsonObject, string, string>;
/** jsonb that may be NULL (and is by default), written as a JSON string like `Json`. */
export type NullableJson = ColumnType<JsonObject | null, string | null | undefined, string | null>;
/** jsonb defaulting to '{}'. */
export type GeneratedJson = ColumnType<JsonObject, string | undefined, string>;

/** uuid primary keys default to gen_random_uuid(). */
export type Id = Generated<string>;
/** bigint identity keys (append-only logs), parsed to `number` like every int8. */
export type Serial = ColumnType<number, never, never>;
