/**
 * `expand[]`: replaces an id with the object it names, on a copy, following dotted paths
 * (`payment_intent.latest_charge`, `data.charge` on lists). Unknown paths get Stripe's error.
 */
import { invalidParam } from './errors';
import type { ModeStore } from './state';

type Json = Record<string, unknown>;
type Expander = (store: ModeStore, value: unknown, parent: Json) => unknown;

const byId =
  (pick: (store: ModeStore) => Map<string, unknown>): Expander =>
  (store, value) =>
    typeof value === 'string' ? (pick(store).get(value) ?? value) : value;

const paymentIntent = byId((s) => s.paymentIntents);
const charge = byId((s) => s.charges);

const EXPANDABLE: Record<string, Record<string, Expander>> = {
  'checkout.session': {
    payment_intent: paymentIntent,
    line_items: (store, _value, parent) => {
      const record = store.sessions.get(String(parent.id));
      return {
        object: 'list',
        data: record?.lineItems ?? [],
        has_more: false,
        url: `/v1/checkout/sessions/${String(parent.id)}/line_items`,
      };
    },
    customer: (_s, value) => value,
    invoice: (_s, value) => value,
    setup_intent: (_s, value) => value,
    subscription: (_s, value) => value,
    payment_link: (_s, value) => value,
  },
  payment_intent: { latest_charge: charge, customer: (_s, v) => v, payment_method: (_s, v) => v },
  charge: {
    payment_intent: paymentIntent,
    customer: (_s, v) => v,
    balance_transaction: (_s, v) => v,
  },
  refund: { charge, payment_intent: paymentIntent, balance_transaction: (_s, v) => v },
  dispute: { charge, payment_intent: paymentIntent },
};

function cannotExpand(path: string): never {
  throw invalidParam(`This property cannot be expanded (${path}).`, 'expand');
}

function expandOne(store: ModeStore, object: Json, path: string[], fullPath: string): Json {
  const [head, ...rest] = path;
  if (head === undefined) return object;
  if (object.object === 'list' && head === 'data' && Array.isArray(object.data)) {
    return {
      ...object,
      data: object.data.map((item: Json) => expandOne(store, item, rest, fullPath)),
    };
  }
  const expander = EXPANDABLE[String(object.object)]?.[head];
  if (!expander) cannotExpand(fullPath);
  const expanded = expander(store, object[head], object);
  const next =
    rest.length > 0 && expanded && typeof expanded === 'object'
      ? expandOne(store, expanded as Json, rest, fullPath)
      : rest.length > 0 && typeof expanded === 'string'
        ? cannotExpand(fullPath)
        : expanded;
  return { ...object, [head]: next };
}

/** A copy of `object` with every path in `paths` expanded (the stored object is untouched). */
export function expand<T extends object>(
  store: ModeStore,
  object: T,
  paths: readonly string[] | undefined,
): T {
  if (!paths || paths.length === 0) return object;
  if (paths.length > 20) throw invalidParam('You cannot expand more than 20 properties.', 'expand');
  let result = object as unknown as Json;
  for (const path of paths) {
    const parts = path.split('.');
    if (parts.length > 4)
      throw invalidParam(`You cannot expand more than 4 levels of a property (${path}).`, 'expand');
    result = expandOne(store, result, parts, path);
  }
  return result as unknown as T;
}
