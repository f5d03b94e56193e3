/** `/v1/checkout/sessions`: create, list, retrieve, expire, line items. */
import type Stripe from 'stripe';
import { invalidParam, resourceMissing } from '../errors';
import { expand } from '../expand';
import { listFields, newestFirst, paginate } from '../list';
import { accountOfSession } from '../ownership';
import { buildLineItem, buildSession } from '../objects/checkout-session';
import { p, readParams } from '../params';
import { expireIfDue, expireSession } from '../payments/expire-session';
import { offeredPaymentMethodTypes } from '../payments/payment-methods';
import type { ApiContext, Route } from '../routes';
import type { SessionRecord } from '../state';
import { createSessionFields } from './checkout-session-params';
import {
  checkTotal,
  checkUrls,
  readEmail,
  readExpiresAt,
  readLineItems,
} from './checkout-session-rules';

function create(ctx: ApiContext): Stripe.Checkout.Session {
  const params = readParams(ctx.params, createSessionFields);
  if (params.mode !== 'payment') {
    throw invalidParam(
      `The Stripe emulator supports mode=payment only, not mode=${params.mode}.`,
      'mode',
    );
  }
  const uiMode = params.ui_mode ?? 'hosted_page';
  checkUrls(params, uiMode);
  if (params.customer) throw resourceMissing('customer', params.customer, 'customer');
  const { items, currency } = readLineItems(params);
  const paymentMethodTypes = offeredPaymentMethodTypes(params, currency);
  checkTotal(items, currency);
  const now = ctx.state.clock.now();
  const session = buildSession({
    livemode: ctx.store.livemode,
    created: now,
    expiresAt: readExpiresAt(params.expires_at, now),
    uiMode,
    currency,
    lineItems: items,
    metadata: params.metadata ?? {},
    clientReferenceId: params.client_reference_id ?? null,
    customerEmail: readEmail(params.customer_email),
    returnUrl: params.return_url ?? null,
    successUrl: params.success_url ?? null,
    cancelUrl: params.cancel_url ?? null,
    redirectOnCompletion: params.redirect_on_completion ?? null,
    locale: params.locale ?? null,
    submitType: params.submit_type ?? null,
    // Stripe applies the Dashboard's setting when the parameter is absent; it is on by default.
    adaptivePricing: params.adaptive_pricing?.enabled ?? true,
    paymentMethodTypes,
    allowedPaymentMethodTypes: params.allowed_payment_method_types ?? null,
    baseUrl: ctx.state.baseUrl,
  });
  const pid = params.payment_intent_data;
  ctx.store.addSession({
    session,
    account: ctx.account,
    lineItems: items.map((item) => buildLineItem(item, ctx.store.livemode, now)),
    paymentIntentData: {
      metadata: pid?.metadata ?? {},
      description: pid?.description ?? null,
      receiptEmail: pid?.receipt_email ?? null,
      statementDescriptor: pid?.statement_descriptor ?? null,
      statementDescriptorSuffix: pid?.statement_descriptor_suffix ?? null,
    },
  });
  return expand(ctx.store, session, params.expand);
}

const listSessionFields = {
  ...listFields,
  payment_intent: p.string(),
  status: p.string({ values: ['complete', 'expired', 'open'] }),
  customer: p.string(),
  customer_account: p.string(),
  customer_details: p.any(),
  payment_link: p.string(),
  subscription: p.string(),
};

function list(ctx: ApiContext): Stripe.ApiList<Stripe.Checkout.Session> {
  const params = readParams(ctx.params, listSessionFields);
  const { store } = ctx;
  let ids: readonly string[] = store.sessionOrder;
  if (params.payment_intent) {
    const id = store.sessionByPaymentIntent.get(params.payment_intent);
    ids = id ? [id] : [];
  }
  const sessions = newestFirst(
    ids,
    (id) => {
      const record = store.sessions.get(id);
      return accountOfSession(record) === ctx.account ? record?.session : undefined;
    },
    (s) => (params.status ? s.status === params.status : true) && !params.customer,
  );
  const page = paginate(sessions, params, '/v1/checkout/sessions', 'checkout.session');
  return expand(store, page, params.expand);
}

function find(ctx: ApiContext, id: string): SessionRecord {
  const record = ctx.store.sessions.get(id);
  // Another account's session does not exist for this key.
  if (!record || accountOfSession(record) !== ctx.account)
    throw resourceMissing('checkout.session', id, 'session');
  expireIfDue(ctx.state, ctx.mode, record);
  return record;
}

const retrieveFields = { expand: p.array(p.string()) };

function retrieve(ctx: ApiContext, { id = '' }: Record<string, string>): Stripe.Checkout.Session {
  const params = readParams(ctx.params, retrieveFields);
  return expand(ctx.store, find(ctx, id).session, params.expand);
}

function expire(ctx: ApiContext, { id = '' }: Record<string, string>): Stripe.Checkout.Session {
  const params = readParams(ctx.params, retrieveFields);
  const record = find(ctx, id);
  expireSession(ctx.state, ctx.mode, record, ctx.request);
  return expand(ctx.store, record.session, params.expand);
}

function lineItems(
  ctx: ApiContext,
  { id = '' }: Record<string, string>,
): Stripe.ApiList<Stripe.LineItem> {
  const params = readParams(ctx.params, listFields);
  const record = find(ctx, id);
  return paginate(record.lineItems, params, `/v1/checkout/sessions/${id}/line_items`, 'line_item');
}

export const checkoutSessionRoutes: Route[] = [
  {
    method: 'POST',
    pattern: '/v1/checkout/sessions',
    right: 'checkout_session_write',
    handle: create,
  },
  { method: 'GET', pattern: '/v1/checkout/sessions', right: 'checkout_session_read', handle: list },
  {
    method: 'GET',
    pattern: '/v1/checkout/sessions/:id',
    right: 'checkout_session_read',
    handle: retrieve,
  },
  {
    method: 'POST',
    pattern: '/v1/checkout/sessions/:id/expire',
    right: 'checkout_session_write',
    handle: expire,
  },
  {
    method: 'GET',
    pattern: '/v1/checkout/sessions/:id/line_items',
    right: 'checkout_session_read',
    handle: lineItems,
  },
];
