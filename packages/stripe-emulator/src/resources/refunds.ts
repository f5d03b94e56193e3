/** `/v1/refunds`: create (full or partial, by payment intent or charge), retrieve, list. */
import type Stripe from 'stripe';
import { resourceMissing } from '../errors';
import { expand } from '../expand';
import { listFields, newestFirst, paginate } from '../list';
import { ownedBy } from '../ownership';
import { p, readParams } from '../params';
import { refundCharge } from '../payments/refund-charge';
import type { ApiContext, Route } from '../routes';

const createFields = {
  charge: p.string(),
  payment_intent: p.string(),
  amount: p.integer({ min: 1 }),
  reason: p.string({ values: ['duplicate', 'fraudulent', 'requested_by_customer'] }),
  metadata: p.metadata(),
  expand: p.array(p.string()),
  // Known to Stripe, not modelled here.
  currency: p.any(),
  customer: p.any(),
  instructions_email: p.any(),
  origin: p.any(),
  refund_application_fee: p.any(),
  reverse_transfer: p.any(),
};

/** Another account's charge or payment intent is missing for this key, as at Stripe. */
function refuseOtherAccounts(
  ctx: ApiContext,
  params: { charge?: string; payment_intent?: string },
) {
  const { store, account } = ctx;
  const pi = params.payment_intent;
  if (pi && store.paymentIntents.has(pi) && !ownedBy(account, store, store.paymentIntents.get(pi)))
    throw resourceMissing('payment_intent', pi, 'payment_intent');
  const charge = params.charge;
  if (charge && store.charges.has(charge) && !ownedBy(account, store, store.charges.get(charge)))
    throw resourceMissing('charge', charge, 'charge');
}

function create(ctx: ApiContext): Stripe.Refund {
  const params = readParams(ctx.params, createFields);
  refuseOtherAccounts(ctx, params);
  const refund = refundCharge(
    ctx.state,
    ctx.mode,
    {
      ...(params.charge ? { charge: params.charge } : {}),
      ...(params.payment_intent ? { paymentIntent: params.payment_intent } : {}),
      ...(params.amount !== undefined ? { amount: params.amount } : {}),
      ...(params.reason ? { reason: params.reason } : {}),
      ...(params.metadata ? { metadata: params.metadata } : {}),
    },
    ctx.request,
  );
  return expand(ctx.store, refund, params.expand);
}

const listRefundFields = { ...listFields, charge: p.string(), payment_intent: p.string() };

function list(ctx: ApiContext): Stripe.ApiList<Stripe.Refund> {
  const params = readParams(ctx.params, listRefundFields);
  const { store } = ctx;
  const refunds = newestFirst(
    store.refundOrder,
    (id) => store.refunds.get(id),
    (r) =>
      ownedBy(ctx.account, store, r) !== undefined &&
      (!params.charge || r.charge === params.charge) &&
      (!params.payment_intent || r.payment_intent === params.payment_intent),
  );
  return expand(store, paginate(refunds, params, '/v1/refunds', 'refund'), params.expand);
}

function retrieve(ctx: ApiContext, { id = '' }: Record<string, string>): Stripe.Refund {
  const params = readParams(ctx.params, { expand: p.array(p.string()) });
  const refund = ownedBy(ctx.account, ctx.store, ctx.store.refunds.get(id));
  if (!refund) throw resourceMissing('refund', id, 'refund');
  return expand(ctx.store, refund, params.expand);
}

export const refundRoutes: Route[] = [
  { method: 'POST', pattern: '/v1/refunds', right: 'refund_write', handle: create },
  { method: 'GET', pattern: '/v1/refunds', right: 'refund_read', handle: list },
  { method: 'GET', pattern: '/v1/refunds/:id', right: 'refund_read', handle: retrieve },
];
