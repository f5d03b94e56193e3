import type { TestApi } from '@clinicpay/api/testing';

/** The appointment and its latest payment, as stored: what the product really did. */
export async function storedBooking(api: TestApi, reference: string) {
  return api.db
    .selectFrom('appointments')
    .leftJoin('payments', 'payments.appointment_id', 'appointments.id')
    .select([
      'appointments.status',
      'appointments.starts_at',
      'appointments.cancel_reason',
      'appointments.payment_method',
      'payments.status as payment_status',
      'payments.amount',
      'payments.checkout_session_id',
    ])
    .where('appointments.reference', '=', reference)
    .orderBy('payments.created_at', 'desc')
    .executeTakeFirstOrThrow();
}

/** Polls until `check` passes (webhooks arrive on their own schedule), or fails with the last value. */
export async function eventually<T>(
  read: () => Promise<T>,
  check: (value: T) => boolean,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!check(value)) {
    if (Date.now() > deadline) throw new Error(`Timed out; last value: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    value = await read();
  }
  return value;
}
