import { APPOINTMENT_STATUSES, PAYMENT_STATUSES } from '@clinicpay/contracts';
import { appointmentStatuses, paymentStatuses } from '@clinicpay/db';
import { expect, it } from 'vitest';

it("the admin's status names are the database's", () => {
  expect([...PAYMENT_STATUSES]).toEqual([...paymentStatuses]);
  expect([...APPOINTMENT_STATUSES]).toEqual([...appointmentStatuses]);
});
