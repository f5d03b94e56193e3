/** `/v1/payment_intents`, `/v1/charges`, `/v1/disputes`: retrieve and list (read-only here). */
import { resourceMissing } from '../errors';
import { expand } from '../expand';
import { listFields, paginate } from '../list';
import { ownedBy } from '../ownership';
import { p, readParams } from '../params';
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
    handle(ctx) {
      const params = readParams(ctx.params, listPaymentIntentFields);
      const items = mine(ctx, ctx.store.paymentIntents.values()).filter(() => !params.customer);
      return expand(
        ctx.store,
        paginate(items, params, '/v1/payment_intents', 'payment_intent'),
        params.expand,
      );
    },
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
    handle(ctx) {
      const params = readParams(ctx.params, listChargeFields);
      const items = mine(ctx, ctx.store.charges.values()).filter(
        (c) =>
          (!params.payment_intent || c.payment_intent === params.payment_intent) &&
          !params.customer,
      );
      return expand(ctx.store, paginate(items, params, '/v1/charges', 'charge'), params.expand);
    },
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
    handle(ctx) {
      const params = readParams(ctx.params, listDisputeFields);
      const items = mine(ctx, ctx.store.disputes.values()).filter(
        (d) =>
          (!params.charge || d.charge === params.charge) &&
          (!params.payment_intent || d.payment_intent === params.payment_intent),
      );
      return expand(ctx.store, paginate(items, params, '/v1/disputes', 'dispute'), params.expand);
    },
  },
];
