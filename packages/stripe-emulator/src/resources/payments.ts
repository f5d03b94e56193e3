/** `/v1/payment_intents`, `/v1/charges`, `/v1/disputes`: retrieve and list (read-only here). */
import { resourceMissing } from '../errors';
import { expand } from '../expand';
import { listFields, paginate } from '../list';
import { ownedBy } from '../ownership';
import { p, readParams, type Fields, type InferFields } from '../params';
import type { ApiContext, Route } from '../routes';

const retrieveFields = { expand: p.array(p.string()), client_secret: p.string() };

function newest<T extends { created: number }>(items: Iterable<T>): T[] {
  // Maps keep insertion order, which is creation order; reverse it for Stripe's newest-first.
  return [...items].reverse();
}

/** Newest first, only the request's account's. */
function mine<T extends { id: string; object: string; created: number }>(
  ctx: ApiContext,
  items: Iterable<T>,
): T[] {
  return newest(items).filter((item) => ownedBy(ctx.account, ctx.store, item));
}

function retrieveFrom<T extends { id: string; object: string }>(
  objectName: string,
  pick: (ctx: ApiContext) => Map<string, T>,
  param: string,
) {
  return (ctx: ApiContext, { id = '' }: Record<string, string>): T => {
    const params = readParams(ctx.params, retrieveFields);
    const found = ownedBy(ctx.account, ctx.store, pick(ctx).get(id));
    if (!found) throw resourceMissing(objectName, id, param);
    return expand(ctx.store, found, params.expand);
  };
}

/**
 * A list route: the request's account's objects, newest first, those the request's filters keep,
 * one page of them with what it asked to expand.
 */
function listFrom<
  T extends { id: string; object: string; created: number },
  F extends typeof listFields & Fields,
>(
  objectName: string,
  url: string,
  fields: F,
  pick: (ctx: ApiContext) => Map<string, T>,
  keeps: (params: InferFields<F>, item: T) => boolean,
) {
  return (ctx: ApiContext) => {
    // F holds listFields' paging and expand, which TypeScript cannot see through InferFields.
    const params = readParams(ctx.params, fields) as InferFields<F> &
      InferFields<typeof listFields>;
    const items = mine(ctx, pick(ctx).values()).filter((item) => keeps(params, item));
    return expand(ctx.store, paginate(items, params, url, objectName), params.expand);
  };
}

const listPaymentIntentFields = {
  ...listFields,
  customer: p.string(),
  customer_account: p.string(),
};
const listChargeFields = {
  ...listFields,
  payment_intent: p.string(),
  customer: p.string(),
  transfer_group: p.string(),
};
const listDisputeFields = { ...listFields, charge: p.string(), payment_intent: p.string() };

export const paymentRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/v1/payment_intents/:id',
    right: 'payment_intent_read',
    handle: retrieveFrom('payment_intent', (ctx) => ctx.store.paymentIntents, 'intent'),
  },
  {
    method: 'GET',
    pattern: '/v1/payment_intents',
    right: 'payment_intent_read',
    handle: listFrom(
      'payment_intent',
      '/v1/payment_intents',
      listPaymentIntentFields,
      (ctx) => ctx.store.paymentIntents,
      (params) => !params.customer,
    ),
  },
  {
    method: 'GET',
    pattern: '/v1/charges/:id',
    right: 'charge_read',
    handle: retrieveFrom('charge', (ctx) => ctx.store.charges, 'id'),
  },
  {
    method: 'GET',
    pattern: '/v1/charges',
    right: 'charge_read',
    handle: listFrom(
      'charge',
      '/v1/charges',
      listChargeFields,
      (ctx) => ctx.store.charges,
      (params, c) =>
        (!params.payment_intent || c.payment_intent === params.payment_intent) && !params.customer,
    ),
  },
  {
    method: 'GET',
    pattern: '/v1/disputes/:id',
    right: 'dispute_read',
    handle: retrieveFrom('dispute', (ctx) => ctx.store.disputes, 'dispute'),
  },
  {
    method: 'GET',
    pattern: '/v1/disputes',
    right: 'dispute_read',
    handle: listFrom(
      'dispute',
      '/v1/disputes',
      listDisputeFields,
      (ctx) => ctx.store.disputes,
      (params, d) =>
        (!params.charge || d.charge === params.charge) &&
        (!params.payment_intent || d.payment_intent === params.payment_intent),
    ),
  },
];
