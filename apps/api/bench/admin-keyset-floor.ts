// The floor of the admin transactions page: the same keyset query (status, 30 days, 50 rows, the
// joins the page shows) sent straight through pg, one after another, as the page's requests are.
import { createDatabase, sql } from '@clinicpay/db';
import { runSequential, type LatencyRun } from '@clinicpay/testing';
import { windowOf } from './admin-transactions.js';

export async function measureKeysetFloor(
  databaseUrl: string,
  options: { payments: number; queries: number },
): Promise<LatencyRun> {
  const handle = await createDatabase({ url: databaseUrl, maxConnections: 1 });
  try {
    const page = async (i: number) => {
      const { from, to } = windowOf(options.payments, i);
      const { rows } = await sql<{ id: string }>`
        SELECT p.id, p.status, p.gateway, p.mode, p.amount, p.currency, p.amount_refunded, p.checkout_session_id,
               p.payment_intent_id, p.created_at, p.completed_at, a.reference, a.starts_at, pt.name, pt.email, s.name AS service
        FROM payments p
        JOIN appointments a ON a.id = p.appointment_id
        JOIN patients pt ON pt.id = a.patient_id
        JOIN services s ON s.id = a.service_id
        WHERE p.status IN ('completed') AND p.created_at >= ${from}::timestamptz AND p.created_at < ${to}::timestamptz
        ORDER BY p.created_at DESC, p.id DESC
        LIMIT 50`.execute(handle.db);
      return rows.length > 0;
    };
    for (let i = 0; i < 20; i++) await page(i);
    return await runSequential(options.queries, page);
  } finally {
    await handle.close();
  }
}
