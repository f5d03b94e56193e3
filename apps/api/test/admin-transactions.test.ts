import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouterInputs, RouterOutputs } from '../src/index.js';
import { startTestApi, type TestApi } from '../src/testing.js';
import { dataOf, signIn, trpcQuery } from './support/admin-http.js';
import { BASE, insertPayments, specOf, type PaymentSpec } from './support/admin-payments.js';

type Page = RouterOutputs['admin']['transactions']['list'];
type ListInput = RouterInputs['admin']['transactions']['list'];
const COUNT = 10_000;
const specs = Array.from({ length: COUNT }, (_, i) => specOf(i));

let api: TestApi;
let cookie: string;
let ids: Map<string, number>; // payment id → spec index
beforeAll(async () => {
  api = await startTestApi();
  await insertPayments(api.db, COUNT);
  cookie = await signIn(api.url);
  const rows = await api.db
    .selectFrom('payments')
    .innerJoin('appointments', 'appointments.id', 'payments.appointment_id')
    .select(['payments.id', 'appointments.reference'])
    .execute();
  ids = new Map(
    rows
      .filter((r) => r.reference.startsWith('TX-'))
      .map((r) => [r.id, Number(r.reference.slice(3))]),
  );
}, 120_000);
afterAll(async () => {
  await api?.stop();
});

const list = (input: ListInput) => trpcQuery(api.url, 'admin.transactions.list', input, { cookie });

/** Every row the filter matches, following nextCursor to the end. */
async function all(input: ListInput): Promise<number[]> {
  const seen: number[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = dataOf<Page>(await list({ ...input, limit: 100, ...(cursor ? { cursor } : {}) }));
    seen.push(...page.rows.map((r) => ids.get(r.id)!));
    if (!page.nextCursor) return seen;
    cursor = page.nextCursor;
  }
}

const indexes = (matching: (s: PaymentSpec) => boolean) => specs.filter(matching).map((s) => s.i);

describe('transactions: keyset paging over 10,000 payments', () => {
  it('walks every payment exactly once, newest first, ties broken by id', async () => {
    const seen = await all({});
    expect(seen).toHaveLength(COUNT);
    expect(new Set(seen).size).toBe(COUNT);
    const times = seen.map((i) => specs[i]!.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('pages a filtered list sorted by amount, ascending', async () => {
    const seen = await all({ status: ['completed'], sort: 'amount', direction: 'asc' });
    const expected = indexes((s) => s.status === 'completed');
    expect(seen.sort((a, b) => a - b)).toEqual(expected);
    const amounts = (await all({ status: ['completed'], sort: 'amount', direction: 'asc' })).map(
      (i) => specs[i]!.amount,
    );
    expect(amounts).toEqual([...amounts].sort((a, b) => a - b));
  });

  it('refuses a tampered cursor, and one made for other filters, with 400', async () => {
    const first = dataOf<Page>(await list({ limit: 10 }));
    const cursor = first.nextCursor!;
    const flipped = cursor.slice(0, -3) + (cursor.at(-3) === 'A' ? 'B' : 'A') + cursor.slice(-2);
    for (const bad of [flipped, 'not-a-cursor', cursor.split('.').slice(0, 4).join('.')]) {
      const answer = await list({ limit: 10, cursor: bad });
      expect(answer.status).toBe(400);
      expect(answer.body.error?.message).toBe(
        'This page link is no longer valid (the filters changed or it was altered). Go back to the first page.',
      );
    }
    expect((await list({ limit: 10, cursor, status: ['failed'] })).status).toBe(400);
    expect((await list({ limit: 10, cursor })).status).toBe(200);
  });
});

describe('transactions: filters', () => {
  const from = new Date(BASE.getTime() + 600 * 60_000);
  const to = new Date(BASE.getTime() + 900 * 60_000);
  it.each<[string, ListInput, (s: PaymentSpec) => boolean]>([
    [
      'two statuses',
      { status: ['refunded', 'partially_refunded'] },
      (s) => s.status === 'refunded' || s.status === 'partially_refunded',
    ],
    ['gateway', { gateway: 'pay_at_clinic' }, (s) => s.gateway === 'pay_at_clinic'],
    ['mode', { mode: 'live' }, (s) => s.mode === 'live'],
    [
      'date range',
      { from: from.toISOString(), to: to.toISOString() },
      (s) => s.createdAt >= from && s.createdAt < to,
    ],
    [
      'amount range',
      { amountMin: 5000, amountMax: 6000 },
      (s) => s.amount >= 5000 && s.amount <= 6000,
    ],
    [
      'all at once',
      { status: ['completed'], mode: 'test', from: from.toISOString(), amountMin: 3000 },
      (s) =>
        s.status === 'completed' && s.mode === 'test' && s.createdAt >= from && s.amount >= 3000,
    ],
  ])('%s', async (_name, input, matching) => {
    const seen = await all(input);
    expect(seen.sort((a, b) => a - b)).toEqual(indexes(matching));
  });

  it('searches by patient name, email, booking reference and Stripe ids', async () => {
    const refunded = specs.find((s) => s.status === 'refunded')!;
    const paymentId = [...ids].find(([, i]) => i === refunded.i)![0];
    await api.db
      .insertInto('refunds')
      .values({
        payment_id: paymentId,
        amount: 100,
        currency: 'USD',
        status: 'succeeded',
        stripe_refund_id: 're_fx_search',
        idempotency_key: 'fx-search',
        requested_by: 'stripe_dashboard',
      })
      .execute();
    const cases: [string, number[]][] = [
      ['Patient 1234', [1234]],
      ['P77@EXAMPLE.COM', [77]],
      ['p77@', [77]],
      ['tx-0000042', [42]],
      ['pi_fx_9', [9]],
      ['cs_fx_11', [11]],
      ['re_fx_search', [refunded.i]],
      ['nobody', []],
      ['100%_', []],
    ];
    for (const [search, expected] of cases)
      expect({ search, found: await all({ search }) }).toEqual({ search, found: expected });
  });

  it('reports bad filters on their fields', async () => {
    const answer = await list({
      amountMin: 500,
      amountMax: 100,
      from: '2026-02-01T00:00:00Z',
      to: '2026-01-01T00:00:00Z',
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error?.data.fieldErrors).toEqual([
      { path: 'to', message: 'The end must be after the start.' },
      { path: 'amountMax', message: 'The largest amount must not be below the smallest.' },
    ]);
  });
});

describe('transactions: detail and summary', () => {
  const idOf = (i: number) => [...ids].find(([, index]) => index === i)![0];
  const detail = async (i: number) =>
    dataOf<RouterOutputs['admin']['transactions']['get']>(
      await trpcQuery(api.url, 'admin.transactions.get', { paymentId: idOf(i) }, { cookie }),
    );

  it("links to the payment in Stripe's Dashboard, under /test/ for Sandbox payments", async () => {
    expect((await detail(9)).stripe.dashboardUrl).toBe(
      'https://dashboard.stripe.com/test/payments/pi_fx_9',
    );
    expect((await detail(10)).stripe.dashboardUrl).toBe(
      'https://dashboard.stripe.com/payments/pi_fx_10',
    );
    expect((await detail(5)).stripe.dashboardUrl).toBeNull();
    expect(await detail(9)).toMatchObject({
      status: 'completed',
      refundable: specs[9]!.amount,
      patient: { name: 'Patient 9', email: 'p9@example.com' },
      appointment: { reference: 'TX-0000009' },
    });
  });

  it('sums per status and currency, and gives a daily series with empty days', async () => {
    const from = new Date('2026-01-01T05:00:00Z'); // midnight in New York
    const to = new Date('2026-01-06T05:00:00Z'); // the fixture's payments end on 2026-01-03
    const summary = dataOf<RouterOutputs['admin']['transactions']['summary']>(
      await trpcQuery(
        api.url,
        'admin.transactions.summary',
        { from: from.toISOString(), to: to.toISOString() },
        { cookie },
      ),
    );
    const inRange = specs.filter((s) => s.createdAt >= from && s.createdAt < to);
    const completed = inRange.filter((s) => s.status === 'completed');
    expect(summary.totals.find((t) => t.status === 'completed')).toEqual({
      status: 'completed',
      currency: 'USD',
      count: completed.length,
      amount: completed.reduce((sum, s) => sum + s.amount, 0),
      refunded: 0,
    });
    expect(summary.totals.reduce((n, t) => n + t.count, 0)).toBe(inRange.length);
    expect(summary.dailyRevenue.map((d) => d.day)).toEqual([
      '2026-01-01',
      '2026-01-02',
      '2026-01-03',
      '2026-01-04',
      '2026-01-05',
    ]);
    expect(summary.dailyRevenue.slice(3)).toEqual([
      { day: '2026-01-04', currency: 'USD', count: 0, gross: 0, refunded: 0, net: 0 },
      { day: '2026-01-05', currency: 'USD', count: 0, gross: 0, refunded: 0, net: 0 },
    ]);
    const gross = inRange.filter((s) =>
      ['completed', 'paid_at_clinic', 'refunded', 'partially_refunded'].includes(s.status),
    );
    expect(summary.dailyRevenue.reduce((n, d) => n + d.gross, 0)).toBe(
      gross.reduce((n, s) => n + s.amount, 0),
    );
  });
});

describe('transactions: dispute filters', () => {
  // Stripe's words as the webhook stores them: the appeal is open too, the last four are closed.
  const disputes: [number, string][] = [
    [7, 'needs_response'], // partially refunded
    [9, 'needs_response'],
    [17, 'warning_needs_response'],
    [25, 'under_review'],
    [33, 'warning_under_review'],
    [41, 'appeal_under_review'],
    [49, 'won'],
    [57, 'lost'],
    [65, 'warning_closed'],
    [73, 'prevented'],
  ];
  const anyDispute = disputes.map(([i]) => i);
  const openDispute = [7, 9, 17, 25, 33, 41];
  beforeAll(async () => {
    const idOf = new Map([...ids].map(([id, i]) => [i, id]));
    for (const [i, status] of disputes)
      await api.db
        .updateTable('payments')
        .set({ dispute_status: status })
        .where('id', '=', idOf.get(i)!)
        .execute();
  });

  it.each<[string, ListInput, number[]]>([
    ['any dispute, closed ones included', { dispute: 'any' }, anyDispute],
    ['open disputes only', { dispute: 'open' }, openDispute],
    [
      'open disputes with another filter',
      { dispute: 'open', status: ['completed'] },
      [9, 17, 25, 33, 41],
    ],
  ])('%s', async (_name, input, expected) => {
    expect((await all(input)).sort((a, b) => a - b)).toEqual(expected);
  });

  it('narrows the summary and the CSV export the same way', async () => {
    const summary = dataOf<RouterOutputs['admin']['transactions']['summary']>(
      await trpcQuery(
        api.url,
        'admin.transactions.summary',
        { dispute: 'open', from: BASE.toISOString(), to: '2026-01-06T00:00:00Z' },
        { cookie },
      ),
    );
    expect(summary.totals.map((t) => [t.status, t.count])).toEqual([
      ['completed', 5],
      ['partially_refunded', 1],
    ]);
    const csv = await fetch(
      `${api.url}/exports/transactions.csv?input=${encodeURIComponent(JSON.stringify({ dispute: 'open' }))}`,
      { headers: { cookie } },
    );
    expect(csv.status).toBe(200);
    const references = (await csv.text())
      .trimEnd()
      .split('\r\n')
      .slice(1)
      .map((line) => line.split(',')[1]);
    expect(references.sort()).toEqual(openDispute.map((i) => `TX-${String(i).padStart(7, '0')}`));
  });

  it('refuses a dispute filter it does not know, on its field', async () => {
    const answer = await list({ dispute: 'closed' as never });
    expect(answer.status).toBe(400);
    expect(answer.body.error?.data.fieldErrors).toEqual([
      { path: 'dispute', message: 'Choose Any dispute or Open disputes.' },
    ]);
  });
});
