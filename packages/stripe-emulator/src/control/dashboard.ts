/** A plain page at `/` for a person to see what the emulator holds and what it delivered. */
import type { EmulatorControl } from './control';

type Cell = string | number | boolean | null | undefined;

const escape = (value: Cell): string =>
  String(value ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

const time = (unix: number) => new Date(unix * 1000).toISOString().replace('T', ' ').slice(0, 19);

function table(title: string, headers: string[], rows: Cell[][]): string {
  const head = headers.map((h) => `<th>${escape(h)}</th>`).join('');
  const body = rows.length
    ? rows.map((r) => `<tr>${r.map((c) => `<td>${escape(c)}</td>`).join('')}</tr>`).join('')
    : `<tr><td colspan="${headers.length}">None yet</td></tr>`;
  return `<section><h2>${escape(title)} (${rows.length})</h2><table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></section>`;
}

// Stored objects hold ids, but the types allow expanded objects too.
const idOf = (value: string | { id: string } | null): string =>
  typeof value === 'string' ? value : (value?.id ?? '');

const money = (amount: number | null, currency: string | null) =>
  `${amount ?? ''} ${currency ?? ''}`;

export function renderDashboard(control: EmulatorControl, url: string): string {
  const objects = control.objects();
  const newest = <T extends { created: number }>(items: T[]) =>
    [...items].sort((a, b) => b.created - a.created).slice(0, 100);
  const deliveries = control.deliveries().slice(-100).reverse();
  const requests = control.requests().slice(-50).reverse();
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="5">
<title>Stripe emulator</title>
<style>body{font:14px system-ui,sans-serif;margin:2rem;color:#1a1a1a}table{border-collapse:collapse;width:100%;margin-bottom:2rem}
th,td{border:1px solid #ddd;padding:4px 8px;text-align:left;font-family:ui-monospace,monospace;font-size:12px}th{background:#f4f4f6}</style>
</head><body>
<h1>Stripe emulator</h1>
<p>API at <code>${escape(url)}</code>; control API under <code>${escape(url)}/_emulator/</code>. Clock: ${escape(time(control.advanceClock(0)))} UTC. This page refreshes every 5 seconds.</p>
${table(
  'Checkout sessions',
  ['id', 'status', 'payment', 'amount', 'payment intent', 'created', 'expires'],
  newest(objects.checkoutSessions).map((s) => [
    s.id,
    s.status,
    s.payment_status,
    money(s.amount_total, s.currency),
    idOf(s.payment_intent),
    time(s.created),
    time(s.expires_at),
  ]),
)}
${table(
  'Payments',
  ['id', 'status', 'amount', 'received', 'last error', 'created'],
  newest(objects.paymentIntents).map((p) => [
    p.id,
    p.status,
    money(p.amount, p.currency),
    p.amount_received,
    p.last_payment_error?.decline_code ?? p.last_payment_error?.code ?? '',
    time(p.created),
  ]),
)}
${table(
  'Refunds',
  ['id', 'status', 'amount', 'charge', 'reason', 'created'],
  newest(objects.refunds).map((r) => [
    r.id,
    r.status,
    money(r.amount, r.currency),
    idOf(r.charge),
    r.reason,
    time(r.created),
  ]),
)}
${table(
  'Disputes',
  ['id', 'status', 'amount', 'charge', 'reason'],
  newest(objects.disputes).map((d) => [
    d.id,
    d.status,
    money(d.amount, d.currency),
    idOf(d.charge),
    d.reason,
  ]),
)}
${table(
  'Webhook deliveries',
  ['delivery', 'event', 'type', 'endpoint', 'status', 'attempts', 'last answer'],
  deliveries.map((d) => [
    d.id,
    d.eventId,
    d.eventType,
    d.endpointId,
    d.status,
    d.attempts.length,
    d.attempts.at(-1)?.status ?? d.attempts.at(-1)?.error ?? '',
  ]),
)}
${table(
  'Recent API requests',
  ['id', 'method', 'path', 'status', 'mode', 'replayed'],
  requests.map((r) => [r.id, r.method, r.path, r.status, r.mode, r.replayed ? 'yes' : '']),
)}
</body></html>`;
}
