// Webhook ingest over HTTP beside the same SQL through pg (the floors): unnamed, and as the named
// statements the route prepares (PG_PREPARE_STATEMENTS=on).
import { measureWebhookIngest } from '@clinicpay/api/bench/webhook-ingest';
import { check } from '../report.js';
import type { Sizes } from './sizes.js';
import { counted, type Section } from './section.js';

export async function webhookSection(sizes: Sizes['webhook']): Promise<Section> {
  const rounds = await measureWebhookIngest(sizes);
  const asked = rounds.length * sizes.events;
  const sum = (pick: (r: (typeof rounds)[number]) => number) =>
    rounds.reduce((s, r) => s + pick(r), 0);
  const firstError = rounds
    .map((r) => r.http.firstError ?? r.floor.firstError ?? r.preparedFloor.firstError)
    .find(Boolean);
  const floor = 'the same SQL through `pg`, unnamed';
  const preparedFloor = 'the same SQL through `pg`, named statements';
  return {
    rows: [
      {
        what: 'Webhook ingest: `payment_intent.succeeded` over HTTP, events/s',
        unit: '/s',
        values: rounds.map((r) => r.http.perSecond),
        baseline: { what: floor, values: rounds.map((r) => r.floor.perSecond) },
        target: { text: 'ratio ≥ 0.70', met: (_figure, ratio) => (ratio ?? 0) >= 0.7 },
      },
      {
        what: 'Webhook ingest over HTTP, events/s, beside a floor prepared as the route prepares',
        unit: '/s',
        values: rounds.map((r) => r.http.perSecond),
        baseline: { what: preparedFloor, values: rounds.map((r) => r.preparedFloor.perSecond) },
        target: { text: 'ratio ≥ 0.50', met: (_figure, ratio) => (ratio ?? 0) >= 0.5 },
      },
      {
        what: 'Webhook ingest, p99',
        unit: 'ms',
        values: rounds.map((r) => r.http.p99),
        baseline: { what: preparedFloor, values: rounds.map((r) => r.preparedFloor.p99) },
        target: {
          text: "p99 ≤ 2× the named floor's",
          met: (_figure, ratio) => ratio !== undefined && ratio <= 2,
        },
      },
    ],
    checks: [
      check(
        'Webhook ingest: every event POSTed answered 200 and its payment is completed',
        sum((r) => r.http.ok) === asked && sum((r) => r.completed.http) === asked,
        `${counted(
          sum((r) => r.http.ok),
          asked,
        )} answered 200, ${counted(
          sum((r) => r.completed.http),
          asked,
        )} payments completed${firstError ? `; first failure: ${firstError}` : ''}`,
      ),
      check(
        'Webhook ingest floor: every event written through pg committed and completed its payment',
        sum((r) => r.floor.ok) === asked && sum((r) => r.completed.floor) === asked,
        `${counted(
          sum((r) => r.floor.ok),
          asked,
        )} committed, ${counted(
          sum((r) => r.completed.floor),
          asked,
        )} payments completed`,
      ),
      check(
        'Webhook ingest named floor: every event written through pg as named statements committed and completed its payment',
        sum((r) => r.preparedFloor.ok) === asked && sum((r) => r.completed.preparedFloor) === asked,
        `${counted(
          sum((r) => r.preparedFloor.ok),
          asked,
        )} committed, ${counted(
          sum((r) => r.completed.preparedFloor),
          asked,
        )} payments completed`,
      ),
    ],
    setup: `Webhooks: ${sizes.events.toLocaleString('en-US')} signed events per run at ${sizes.inFlight} in flight to the API process (PG_PREPARE_STATEMENTS=on, its default), then the same writes through pg, unnamed and then as named statements (each pool 10 connections).`,
  };
}
