/**
 * A small parameter schema with Stripe's validation messages: unknown parameters, missing
 * required ones, integers, booleans, enums, URLs and metadata, each reported with the bracketed
 * path Stripe reports (`line_items[0][price_data][unit_amount]`). Types are inferred from specs.
 */
import * as errors from './errors';
import type { FormValue } from './form-decode';

interface Base<R extends boolean> {
  readonly required: R;
}
export interface StringSpec<E extends string, R extends boolean> extends Base<R> {
  readonly kind: 'string';
  readonly values?: readonly E[];
  readonly maxLength?: number;
  readonly url?: boolean;
}
export interface IntegerSpec<R extends boolean> extends Base<R> {
  readonly kind: 'integer';
  readonly min?: number;
  readonly max?: number;
}
export interface BooleanSpec<R extends boolean> extends Base<R> {
  readonly kind: 'boolean';
}
export interface MetadataSpec<R extends boolean> extends Base<R> {
  readonly kind: 'metadata';
}
/** A parameter Stripe knows but the emulator does not model: accepted and ignored. */
export interface AnySpec<R extends boolean> extends Base<R> {
  readonly kind: 'any';
}
export interface ArraySpec<I extends Spec, R extends boolean> extends Base<R> {
  readonly kind: 'array';
  readonly items: I;
}
export interface ObjectSpec<F extends Fields, R extends boolean> extends Base<R> {
  readonly kind: 'object';
  readonly fields: F;
}
/* eslint-disable @typescript-eslint/no-explicit-any -- spec unions over any parameters */
export type Spec =
  | StringSpec<string, boolean>
  | IntegerSpec<boolean>
  | BooleanSpec<boolean>
  | MetadataSpec<boolean>
  | AnySpec<boolean>
  | ArraySpec<any, boolean>
  | ObjectSpec<any, boolean>;
/* eslint-enable @typescript-eslint/no-explicit-any */
export type Fields = Readonly<Record<string, Spec>>;

type RequiredKeys<F extends Fields> = {
  [K in keyof F]: F[K] extends Base<true> ? K : never;
}[keyof F];
type OptionalKeys<F extends Fields> = Exclude<keyof F, RequiredKeys<F>>;

export type Infer<S> =
  S extends StringSpec<infer E, boolean>
    ? E
    : S extends IntegerSpec<boolean>
      ? number
      : S extends BooleanSpec<boolean>
        ? boolean
        : S extends MetadataSpec<boolean>
          ? Record<string, string>
          : S extends ArraySpec<infer I, boolean>
            ? Infer<I>[]
            : S extends ObjectSpec<infer F, boolean>
              ? InferFields<F>
              : unknown;
export type InferFields<F extends Fields> = { [K in RequiredKeys<F>]: Infer<F[K]> } & {
  [K in OptionalKeys<F>]?: Infer<F[K]>;
};

type Opts<S> = Omit<S, 'kind' | 'required'>;
// A mapped type, not `S & Base<true>`: TypeScript reduces an intersection whose `required`
// literals conflict (false & true) to never, which would erase every inferred type.
type Required<S> = { [K in keyof S]: K extends 'required' ? true : S[K] };
export const p = {
  string: <const E extends string = string>(o: Opts<StringSpec<E, false>> = {}) =>
    ({ kind: 'string', required: false, ...o }) as StringSpec<E, false>,
  integer: (o: Opts<IntegerSpec<false>> = {}) =>
    ({ kind: 'integer', required: false, ...o }) as IntegerSpec<false>,
  boolean: () => ({ kind: 'boolean', required: false }) as BooleanSpec<false>,
  metadata: () => ({ kind: 'metadata', required: false }) as MetadataSpec<false>,
  any: () => ({ kind: 'any', required: false }) as AnySpec<false>,
  array: <I extends Spec>(items: I) =>
    ({ kind: 'array', required: false, items }) as ArraySpec<I, false>,
  object: <F extends Fields>(fields: F) =>
    ({ kind: 'object', required: false, fields }) as ObjectSpec<F, false>,
  required: <S extends Spec>(spec: S) => ({ ...spec, required: true }) as unknown as Required<S>,
};

const childPath = (path: string, key: string | number) => (path ? `${path}[${key}]` : String(key));

function readString(value: FormValue, spec: StringSpec<string, boolean>, path: string): string {
  if (typeof value !== 'string') throw errors.invalidShape(path, 'string');
  if (spec.values && !spec.values.includes(value)) throw errors.invalidEnum(path, spec.values);
  if (spec.maxLength !== undefined && value.length > spec.maxLength) {
    throw errors.stringTooLong(path, spec.maxLength);
  }
  if (spec.url && !isHttpUrl(value)) throw errors.invalidUrl(path);
  return value;
}

function isHttpUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const { protocol } = new URL(value);
  return protocol === 'http:' || protocol === 'https:';
}

function readInteger(value: FormValue, spec: IntegerSpec<boolean>, path: string): number {
  if (typeof value !== 'string') throw errors.invalidShape(path, 'string');
  if (!/^-?\d{1,16}$/.test(value) || !Number.isSafeInteger(Number(value))) {
    throw errors.invalidInteger(path, value);
  }
  const n = Number(value);
  if (spec.min !== undefined && n < spec.min) throw errors.integerOutOfRange(path, 'min', spec.min);
  if (spec.max !== undefined && n > spec.max) throw errors.integerOutOfRange(path, 'max', spec.max);
  return n;
}

function readMetadata(value: FormValue, path: string): Record<string, string> {
  if (typeof value === 'string' || Array.isArray(value)) throw errors.invalidShape(path, 'hash');
  const out: Record<string, string> = {};
  const keys = Object.keys(value);
  if (keys.length > 50)
    throw errors.invalidParam('Invalid metadata: metadata can have up to 50 keys', path);
  for (const key of keys) {
    const v = value[key];
    if (typeof v !== 'string') throw errors.invalidShape(childPath(path, key), 'string');
    if (key.length > 40) {
      throw errors.invalidParam(
        'Invalid metadata: keys can be at most 40 characters',
        childPath(path, key),
      );
    }
    if (v.length > 500) {
      throw errors.invalidParam(
        'Invalid metadata: values can be at most 500 characters',
        childPath(path, key),
      );
    }
    if (v !== '') out[key] = v; // an empty value unsets the key
  }
  return out;
}

function readFields(value: FormValue, fields: Fields, path: string): Record<string, unknown> {
  if (typeof value === 'string' || Array.isArray(value)) throw errors.invalidShape(path, 'hash');
  for (const key of Object.keys(value)) {
    if (!Object.hasOwn(fields, key)) throw errors.unknownParam(childPath(path, key));
  }
  const out: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(fields)) {
    const read = readValue(value[key], spec, childPath(path, key));
    if (read !== undefined) out[key] = read;
  }
  return out;
}

function readValue(value: FormValue | undefined, spec: Spec, path: string): unknown {
  // Stripe reads an empty string as "unset": fine when optional, an error when required.
  if (value === undefined || value === '') {
    if (!spec.required) return undefined;
    throw value === '' ? errors.emptyString(path) : errors.missingParam(path);
  }
  switch (spec.kind) {
    case 'string':
      return readString(value, spec, path);
    case 'integer':
      return readInteger(value, spec, path);
    case 'boolean':
      if (value === 'true' || value === 'false') return value === 'true';
      throw errors.invalidBoolean(path, typeof value === 'string' ? value : '[object]');
    case 'metadata':
      return readMetadata(value, path);
    case 'any':
      return value;
    case 'array':
      if (!Array.isArray(value)) throw errors.invalidShape(path, 'array');
      return value.map((item, i) => readValue(item, spec.items as Spec, childPath(path, i)));
    case 'object':
      return readFields(value, spec.fields as Fields, path);
  }
}

/** Reads top-level parameters against a field spec, throwing Stripe's error for the first problem. */
export function readParams<F extends Fields>(params: FormValue, fields: F): InferFields<F> {
  return readFields(params, fields, '') as InferFields<F>;
}
