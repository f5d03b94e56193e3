/** `/v1/events`: retrieve and list, so reconciliation can ask Stripe what happened. */
import type Stripe from 'stripe';
import { resourceMissing } from '../errors';
import { listFields, paginate } from '../list';
import { ownedBy } from '../ownership';
import { p, readParams } from '../params';
import type { Route } from '../routes';

const listEventFields = {
  ...listFields,
  type: p.string(),
  types: p.array(p.string()),
  delivery_success: p.any(),
};

// `charge.*` style wildcards, as Stripe's `type` filter accepts.
function typeMatcher(
  type: string | undefined,
  types: string[] | undefined,
): (t: string) => boolean {
  const patterns = [...(type ? [type] : []), ...(types ?? [])];
  if (patterns.length === 0) return () => true;
  const regexes = patterns.map(
    (pat) => new RegExp(`^${pat.replace(/[.]/g, '\\.').replace(/\*/g, '.*')}$`),
  );
  return (t) => regexes.some((r) => r.test(t));
}

export const eventRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/v1/events/:id',
    right: 'event_read',
    handle(ctx, { id = '' }): Stripe.Event {
      readParams(ctx.params, { expand: p.array(p.string()) });
      const event = ownedBy(ctx.account, ctx.store, ctx.store.events.get(id));
      if (!event) throw resourceMissing('event', id);
      return event;
    },
  },
  {
    method: 'GET',
    pattern: '/v1/events',
    right: 'event_read',
    handle(ctx): Stripe.ApiList<Stripe.Event> {
      const params = readParams(ctx.params, listEventFields);
      const matches = typeMatcher(params.type, params.types);
      const events = [...ctx.store.events.values()]
        .reverse()
        .filter((e) => matches(e.type) && ownedBy(ctx.account, ctx.store, e));
      return paginate(events, params, '/v1/events', 'event');
    },
  },
];
