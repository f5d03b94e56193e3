/**
 * Decodes Stripe's form encoding: `line_items[0][price_data][currency]=usd`, `expand[]=x`,
 * `expand[0]=x`. Objects have no prototype, so a key like `__proto__` is only a key.
 */

export type FormValue = string | FormValue[] | FormObject;
export interface FormObject {
  [key: string]: FormValue;
}

export class FormDecodeError extends Error {
  constructor(
    message: string,
    readonly param?: string,
  ) {
    super(message);
    this.name = 'FormDecodeError';
  }
}

// Bounds that keep a hostile body from costing more than a normal one.
const MAX_PAIRS = 5000;
const MAX_DEPTH = 8;
const INDEX = /^(0|[1-9]\d{0,3})$/;
const KEY = /^([^[\]]+)((?:\[[^[\]]*\])*)$/;

function splitKey(raw: string): string[] {
  const match = KEY.exec(raw);
  if (!match) throw new FormDecodeError(`Invalid parameter name: ${raw}`);
  const [, head = '', rest = ''] = match;
  const parts = [head];
  for (const segment of rest.matchAll(/\[([^[\]]*)\]/g)) parts.push(segment[1] ?? '');
  if (parts.length > MAX_DEPTH) throw new FormDecodeError(`Parameter nested too deeply: ${raw}`);
  return parts;
}

function newObject(): FormObject {
  return Object.create(null) as FormObject;
}

// `[]` appends; numeric segments are kept as string keys and turned into arrays afterwards.
function assign(root: FormObject, parts: string[], value: string, raw: string): void {
  let node: FormObject = root;
  for (let i = 0; i < parts.length; i++) {
    const last = i === parts.length - 1;
    let part = parts[i] ?? '';
    if (part === '') part = String(Object.keys(node).length);
    const existing = node[part];
    if (last) {
      if (existing !== undefined && typeof existing !== 'string') {
        throw new FormDecodeError('Invalid hash', raw);
      }
      node[part] = value;
      return;
    }
    if (existing === undefined) {
      const child = newObject();
      node[part] = child;
      node = child;
    } else if (typeof existing === 'string' || Array.isArray(existing)) {
      throw new FormDecodeError('Invalid hash', parts.slice(0, i + 1).join('.'));
    } else {
      node = existing;
    }
  }
}

function arraysFromIndexes(value: FormValue): FormValue {
  if (typeof value === 'string' || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  for (const key of keys) value[key] = arraysFromIndexes(value[key] as FormValue);
  if (keys.length === 0 || !keys.every((k) => INDEX.test(k))) return value;
  return keys
    .map(Number)
    .sort((a, b) => a - b)
    .map((index) => value[String(index)] as FormValue);
}

/** Decodes a form body or query string into nested objects and arrays. */
export function decodeForm(text: string): FormObject {
  const root = newObject();
  if (text.length === 0) return root;
  let pairs = 0;
  for (const [rawKey, value] of new URLSearchParams(text)) {
    if (++pairs > MAX_PAIRS) throw new FormDecodeError(`More than ${MAX_PAIRS} parameters`);
    if (rawKey === '') continue;
    assign(root, splitKey(rawKey), value, rawKey);
  }
  for (const key of Object.keys(root)) root[key] = arraysFromIndexes(root[key] as FormValue);
  return root;
}
